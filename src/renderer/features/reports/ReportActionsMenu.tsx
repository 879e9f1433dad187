import { useRef, useState, type RefObject } from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArchiveRegular, ArrowUndoRegular, DeleteRegular, DocumentArrowRightRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import { RemoveReportDialog, type RemoveAction } from './RemoveReportDialog';
import { useReportRemoval } from './useReportRemoval';

interface Props {
  report: ReportSummary;
  label: string;
  /** After a deletion (the reader goes back to the list). */
  onDeleted?: () => void;
  /** A labelled button (the reader's header) rather than an icon (a table row). */
  withText?: boolean;
}

/**
 * The report's lifecycle actions: archive, mark superseded, delete, or make active again. Each row of the
 * reports table has one, so only the button is drawn until it is used: a Fluent menu in every row made the
 * first drawing of the list a third slower. The menu then behaves as Fluent's own: Enter, Space or Down
 * opens it on its first item, Escape closes it, and focus goes back to the button.
 */
export function ReportActionsMenu({ report, label, onDeleted, withText }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [dialog, setDialog] = useState<RemoveAction | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Where Fluent's dialogs put focus back when they close (the remove dialog a menu item opens).
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    // A row opens its report on click; the menu is a place of its own.
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Button
        ref={button}
        {...restoreFocusTarget}
        appearance={withText ? 'secondary' : 'subtle'}
        size={withText ? 'medium' : 'small'}
        icon={<MoreHorizontalRegular />}
        aria-label={`Actions for ${label}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((open) => !open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setMenuOpen(true);
          }
        }}
      >
        {withText ? 'Report' : undefined}
      </Button>
      {(menuOpen || dialog) && (
        <ReportActions
          report={report}
          label={label}
          button={button}
          menuOpen={menuOpen}
          closeMenu={() => setMenuOpen(false)}
          dialog={dialog}
          setDialog={setDialog}
          onDeleted={onDeleted}
        />
      )}
    </span>
  );
}

interface ActionsProps extends Pick<Props, 'report' | 'label' | 'onDeleted'> {
  button: RefObject<HTMLButtonElement | null>;
  menuOpen: boolean;
  closeMenu: () => void;
  dialog: RemoveAction | null;
  setDialog: (dialog: RemoveAction | null) => void;
}

/** The open menu, and the dialog one of its items opens. */
function ReportActions({ report, label, button, menuOpen, closeMenu, dialog, setDialog, onDeleted }: ActionsProps) {
  const { remove, reactivate } = useReportRemoval();
  const popover = useRef<HTMLDivElement>(null);
  const active = (report.status ?? 'active') === 'active';
  return (
    <>
      {menuOpen && (
        <Menu
          open
          positioning={{ target: button.current }}
          onOpenChange={(e, data) => {
            if (data.open) return;
            // A click on the button itself is left to the button, which closes the menu.
            if (data.type === 'clickOutside' && button.current?.contains(e.target as Node)) return;
            // Focus inside the menu would fall to the page as it goes: it goes back to the button instead.
            if (document.activeElement === document.body || popover.current?.contains(document.activeElement)) button.current?.focus();
            closeMenu();
          }}
        >
          <MenuPopover ref={popover}>
            <MenuList>
              {active ? (
                <MenuItem icon={<ArchiveRegular />} onClick={() => setDialog('archive')}>
                  Archive…
                </MenuItem>
              ) : (
                <MenuItem icon={<ArrowUndoRegular />} onClick={() => void reactivate(report, label)}>
                  Make active again
                </MenuItem>
              )}
              <MenuItem icon={<DocumentArrowRightRegular />} onClick={() => setDialog('supersede')}>
                Mark as superseded…
              </MenuItem>
              <MenuItem icon={<DeleteRegular />} onClick={() => setDialog('delete')}>
                Delete…
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
      {dialog && (
        <RemoveReportDialog
          report={report}
          initial={dialog}
          onClose={() => setDialog(null)}
          onConfirm={async (action, by) => {
            setDialog(null);
            const done = await remove(report, action, by, label);
            if (done && action === 'delete') onDeleted?.();
          }}
        />
      )}
    </>
  );
}
