import { useEffect, useState } from 'react';
import { Field, makeStyles, ProgressBar } from '@fluentui/react-components';
import type { ImportProgress } from '../../../shared/api/review';
import { call } from '../../api/client';

const useStyles = makeStyles({ root: { minWidth: '260px' } });

const POLL_MS = 200;

/**
 * Shown while a file is imported: indeterminate until main reports pages (PDF), then pages read of
 * pages in the file. Main answers the poll between pages, so the bar moves while a long PDF is read.
 */
export function ImportProgressBar({ fileName }: { fileName: string | null }) {
  const styles = useStyles();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    let live = true;
    const poll = async () => {
      const result = await call('reports.importProgress', {});
      if (live && result.ok) setProgress(result.value);
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const paged = progress?.active && progress.total > 0 && progress.fileName === fileName;
  const label = `Importing ${fileName ?? ''}${paged ? `: page ${progress.done} of ${progress.total}` : '…'}`;
  return (
    <Field className={styles.root} validationMessage={label} validationState="none" data-testid="import-progress">
      <ProgressBar value={paged ? progress.done / progress.total : undefined} thickness="large" aria-label={label} />
    </Field>
  );
}
