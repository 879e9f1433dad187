import { useCallback, useEffect, useState } from 'react';
import { makeStyles, Title3, Toaster, tokens } from '@fluentui/react-components';
import { NavigationContext, type Page, type Route } from './navigation';
import { SideNav, SECTIONS } from './SideNav';
import { StatusBar } from './StatusBar';
import { RecoveryBanner } from './RecoveryBanner';
import { useDropImport } from './useDropImport';
import { TOASTER_ID } from '../hooks/data';
import { useImport } from '../features/reports/useImport';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ReportPage } from '../features/reports/ReportPage';
import { SameReportDialog } from '../features/reports/SameReportDialog';
import { FindingsPage } from '../features/findings/FindingsPage';
import { PapersPage } from '../features/papers/PapersPage';
import { NotesPage } from '../features/notes/NotesPage';
import { QuickCapture } from '../features/notes/QuickCapture';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { UndoShortcut } from '../features/undo/UndoShortcut';
import { SettingsPage } from '../features/settings/SettingsPage';
import { OfficerProfileDialog } from '../features/settings/OfficerProfileDialog';

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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const section = SECTIONS.find((s) => s.shortcut === e.key);
      if (section) {
        e.preventDefault();
        setRoute({ page: section.page } as Route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
            {route.page === 'reports' && <ReportsPage importer={importer} />}
            {route.page === 'report' && (
              <ReportPage key={`${route.id}:${route.findingId ?? ''}:${route.annotationId ?? ''}`} id={route.id} findingId={route.findingId} annotationId={route.annotationId} />
            )}
            {route.page === 'findings' && <FindingsPage />}
            {route.page === 'papers' && <PapersPage />}
            {route.page === 'notes' && <NotesPage key={route.noteId ?? ''} noteId={route.noteId} />}
            {route.page === 'settings' && <SettingsPage />}
          </main>
        </div>
        <StatusBar />
      </div>
      <Toaster toasterId={TOASTER_ID} position="bottom-end" />
      {importer.asking && <SameReportDialog key={importer.asking.fileName} question={importer.asking} onAnswer={importer.answer} />}
      <QuickCapture reportId={route.page === 'report' ? route.id : null} />
      <UndoShortcut />
      <OfficerProfileDialog />
    </NavigationContext.Provider>
  );
}
