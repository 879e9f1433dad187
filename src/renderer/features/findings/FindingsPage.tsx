import { useCallback, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, Tab, TabList, Title2, Toast, ToastTitle, tokens, useToastController } from '@fluentui/react-components';
import { LinkMultipleRegular } from '@fluentui/react-icons';
import type { RegisterSort } from '../../../shared/domain/views';
import { TOASTER_ID, useAction, useQuery } from '../../hooks/data';
import { useFocusReturn } from '../../hooks/useFocusReturn';
import { DashboardView } from './DashboardView';
import { DueSoonView } from './DueSoonView';
import { RequestUpdatesDialog } from './RequestUpdatesDialog';
import { ApplyReturnsDialog } from './ApplyReturnsDialog';
import { FindingDetailPanel } from './FindingDetailPanel';
import { GradeHistoryGrid } from './GradeHistoryGrid';
import { RegisterTab } from './RegisterTab';
import { NO_FILTER, type FilterChoices } from './register-filter';
import { typingIn } from './tracking-labels';
import { useTrackingEdits } from './useTrackingEdits';
import { useWindowKeys } from '../../hooks/useWindowKeys';

type View = 'register' | 'grades' | 'dashboard' | 'due';

const TABS: Array<{ value: View; label: string; key: string }> = [
  { value: 'register', label: 'Register', key: '1' },
  { value: 'grades', label: 'Grade history', key: '2' },
  { value: 'dashboard', label: 'Dashboard', key: '3' },
  { value: 'due', label: 'Due soon', key: '4' },
];

/** Where focus goes when the panel closes and the row or card that opened it is gone: the register's current row, or the tab. */
const backFromPanel = () =>
  document.querySelector<HTMLElement>('[data-testid="register-grid"] [role="row"][tabindex="0"]') ??
  document.querySelector<HTMLElement>('[aria-label="Findings views"] [aria-selected="true"]');

const useStyles = makeStyles({
  // On the register the page fills the window's height, so the table gets every row the screen has room for.
  fill: { display: 'flex', flexDirection: 'column', height: '100%' },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalXS },
  grow: { flexGrow: 1, margin: 0 },
  panel: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
});

/**
 * The findings of every report: the register, the grade history, the dashboard and what is due soon. Shortcuts: Alt+1 … Alt+4
 * switch tab, Alt+T jumps to the register's text filter, Alt+L suggests links, Ctrl+Z undoes the last tracking edit.
 */
export function FindingsPage({ initialView }: { initialView?: View } = {}) {
  const styles = useStyles();
  const act = useAction();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const edits = useTrackingEdits();
  // The reports with findings: the register's report list, and whether there are any findings at all.
  const reports = useQuery('findings.registerReports', {});
  const [view, setView] = useState<View>(initialView ?? 'register');
  const [choices, setChoices] = useState<FilterChoices>(NO_FILTER);
  const [sort, setSort] = useState<RegisterSort>({ by: 'report', dir: 'asc' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const noFindings = reports.data !== undefined && reports.data.length === 0;
  useFocusReturn(openId !== null, backFromPanel);

  const suggest = useCallback(async () => {
    setSuggesting(true);
    const result = await act('links.suggest', {});
    setSuggesting(false);
    if (result.ok) {
      const n = result.value.length;
      const message = n === 0 ? 'No new links to suggest' : `${n} new link${n === 1 ? '' : 's'} suggested: open a finding to confirm or reject`;
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent: n === 0 ? 'info' : 'success', timeout: 4000 },
      );
    }
  }, [act, dispatchToast]);

  const { undo } = edits;
  useWindowKeys((e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const tab = TABS.find((t) => t.key === e.key);
      if (tab) {
        e.preventDefault();
        setView(tab.value);
      } else if (e.code === 'KeyL') {
        e.preventDefault();
        void suggest();
      } else if (e.code === 'KeyT') {
        e.preventDefault();
        // On the register the box is there now; from another tab it is once the register is drawn.
        if (searchRef.current) searchRef.current.focus();
        else {
          setView('register');
          requestAnimationFrame(() => searchRef.current?.focus());
        }
      }
      return;
    }
    if (typingIn(e.target)) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void undo();
    }
  });

  return (
    <div className={mergeClasses(view === 'register' && styles.fill)}>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.grow}>
          Findings
        </Title2>
        <RequestUpdatesDialog />
        <ApplyReturnsDialog />
        <Button icon={<LinkMultipleRegular />} onClick={() => void suggest()} disabled={suggesting || noFindings} aria-keyshortcuts="Alt+L">
          Suggest links across inspections
        </Button>
      </div>
      {/* Small tabs: on the register every line of height is a row of findings more. */}
      <TabList size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Findings views">
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} aria-keyshortcuts={`Alt+${t.key}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={TABS.find((t) => t.value === view)?.label} className={mergeClasses(view === 'register' && styles.panel)}>
        {view === 'register' && (
          <RegisterTab
            choices={choices}
            onChoices={setChoices}
            reports={reports.data}
            sort={sort}
            onSort={setSort}
            onOpen={setOpenId}
            selectedId={openId}
            textRef={searchRef}
          />
        )}
        {view === 'grades' && <GradeHistoryGrid />}
        {view === 'dashboard' && <DashboardView onOpen={setOpenId} />}
        {view === 'due' && <DueSoonView onOpen={setOpenId} />}
      </div>
      <FindingDetailPanel findingId={openId} edits={edits} onOpen={setOpenId} onClose={() => setOpenId(null)} />
    </div>
  );
}
