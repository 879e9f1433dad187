import { lazy, Suspense, useRef, useState } from 'react';
import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import type { ReportSummary } from '../../../shared/api/reports';
import type { RemoveAction } from './RemoveReportDialog';

// The menu and its dialog are read when first wanted (the button is pointed at or focused): the reports
// list's first drawing does not wait for Fluent's menu, the dialog and their pickers.
const loadActions = () => import('./ReportActions');
const ReportActions = lazy(() => loadActions().then((m) => ({ default: m.ReportActions })));

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
        onPointerEnter={() => void loadActions()}
        onFocus={() => void loadActions()}
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
        <Suspense>
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
        </Suspense>
      )}
    </span>
  );
}
