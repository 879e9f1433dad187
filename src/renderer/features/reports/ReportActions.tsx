import { useRef, type RefObject } from 'react';
import { Menu, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import { ArchiveRegular, ArrowUndoRegular, DeleteRegular, DocumentArrowRightRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import { RemoveReportDialog, type RemoveAction } from './RemoveReportDialog';
import { useReportRemoval } from './useReportRemoval';

interface Props {
  report: ReportSummary;
  label: string;
  onDeleted?: () => void;
  /** The menu's button, which it is placed against and gives focus back to. */
  button: RefObject<HTMLButtonElement | null>;
  menuOpen: boolean;
  closeMenu: () => void;
  dialog: RemoveAction | null;
  setDialog: (dialog: RemoveAction | null) => void;
}

/** A report's open actions menu (ReportActionsMenu.tsx), and the dialog one of its items opens. */
export function ReportActions({ report, label, button, menuOpen, closeMenu, dialog, setDialog, onDeleted }: Props) {
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
