import { lazy, Suspense, useCallback, useState } from 'react';
import { makeStyles, Spinner, Title3, Toaster, tokens } from '@fluentui/react-components';
import { NavigationContext, type Page, type Route } from '../navigation';
import { SideNav, SECTIONS } from './SideNav';
import { StatusBar } from './StatusBar';
import { RecoveryBanner } from './RecoveryBanner';
import { useDropImport } from './useDropImport';
import { TOASTER_ID } from '../hooks/data';
import { useImport } from '../features/reports/useImport';
import { ReportsPage } from '../features/reports/ReportsPage';
import { QuickCapture } from '../features/notes/QuickCapture';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { UndoShortcut } from '../features/undo/UndoShortcut';
import { ReminderBanner } from '../features/findings/ReminderBanner';
import { SameReportDialog } from '../features/reports/SameReportDialog';
import { OfficerProfileDialog } from '../features/settings/OfficerProfileDialog';
import { useWindowKeys } from '../hooks/useWindowKeys';

// The first screen (Reports) is in the first chunk; each other screen is read when first opened.
const ReportPage = lazy(() => import('../features/reports/ReportPage').then((m) => ({ default: m.ReportPage })));
const FindingsPage = lazy(() => import('../features/findings/FindingsPage').then((m) => ({ default: m.FindingsPage })));
const PapersPage = lazy(() => import('../features/papers/PapersPage').then((m) => ({ default: m.PapersPage })));
const NotesPage = lazy(() => import('../features/notes/NotesPage').then((m) => ({ default: m.NotesPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr auto', height: '100vh' },
  top: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { margin: 0 },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr', minHeight: 0 },
  side: { borderRight: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXXL, minWidth: 0 },
  drop: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-8px' },
});

export function App() {
  const styles = useStyles();
  const [route, setRoute] = useState<Route>({ page: 'reports' });
  const importer = useImport();
  const dragging = useDropImport(importer.importFiles);
  const navigate = useCallback((next: Route) => setRoute(next), []);

  useWindowKeys((e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    const section = SECTIONS.find((s) => s.shortcut === e.key);
    if (section) {
      e.preventDefault();
      setRoute({ page: section.page } as Route);
    }
  });

  return (
    <NavigationContext.Provider value={navigate}>
      <div className={styles.shell}>
        <header className={styles.top}>
          <Title3 as="p" className={styles.brand}>
            Liaison Desk
          </Title3>
          <GlobalSearch />
        </header>
        <div className={styles.body}>
          <aside className={styles.side}>
            <SideNav current={route.page} onSelect={(page: Page) => setRoute({ page } as Route)} />
          </aside>
          <main className={`${styles.main} ${dragging ? styles.drop : ''}`} aria-label="Content">
            <RecoveryBanner />
            <ReminderBanner />
            {route.page === 'reports' && <ReportsPage importer={importer} />}
            <Suspense fallback={<Spinner label="Opening…" />}>
              {route.page === 'report' && (
                <ReportPage
                  key={`${route.id}:${route.findingId ?? ''}:${route.annotationId ?? ''}:${route.anchor ? `${route.anchor.start}-${route.anchor.end}` : ''}`}
                  id={route.id}
                  findingId={route.findingId}
                  annotationId={route.annotationId}
                  anchor={route.anchor}
                />
              )}
              {route.page === 'findings' && <FindingsPage key={route.view ?? ''} initialView={route.view} />}
              {route.page === 'papers' && <PapersPage />}
              {route.page === 'notes' && <NotesPage key={route.noteId ?? ''} noteId={route.noteId} />}
              {route.page === 'settings' && <SettingsPage />}
            </Suspense>
          </main>
        </div>
        <StatusBar />
      </div>
      {/* At most three at once, the rest queued: a run of imports otherwise stacks toasts up the window and over the
          import progress at the top of Reports. Bottom-end, above the status bar, keeps them clear of every page's buttons. */}
      <Toaster toasterId={TOASTER_ID} position="bottom-end" limit={3} offset={{ vertical: 36 }} />
      {importer.asking && <SameReportDialog key={importer.asking.fileName} question={importer.asking} onAnswer={importer.answer} />}
      <QuickCapture reportId={route.page === 'report' ? route.id : null} />
      <UndoShortcut />
      <OfficerProfileDialog />
    </NavigationContext.Provider>
  );
}
