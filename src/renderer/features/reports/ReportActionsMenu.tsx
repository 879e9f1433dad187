import { useState } from 'react';
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { ArchiveRegular, ArrowUndoRegular, DeleteRegular, DocumentArrowRightRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import { RemoveReportDialog, type RemoveAction } from './RemoveReportDialog';
import { useReportRemoval } from './useReportRemoval';

/** The report's lifecycle actions: archive, mark superseded, delete, or make active again. */
export function ReportActionsMenu({
  report,
  label,
  onDeleted,
  withText,
}: {
  report: ReportSummary;
  label: string;
  /** After a deletion (the reader goes back to the list). */
  onDeleted?: () => void;
  /** A labelled button (the reader's header) rather than an icon (a table row). */
  withText?: boolean;
}) {
  const [dialog, setDialog] = useState<RemoveAction | null>(null);
  const { remove, reactivate } = useReportRemoval();
  const active = (report.status ?? 'active') === 'active';
  return (
    // A row opens its report on click; the menu is a place of its own.
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            appearance={withText ? 'secondary' : 'subtle'}
            size={withText ? 'medium' : 'small'}
            icon={<MoreHorizontalRegular />}
            aria-label={`Actions for ${label}`}
          >
            {withText ? 'Report' : undefined}
          </Button>
        </MenuTrigger>
        <MenuPopover>
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
    </span>
  );
}
