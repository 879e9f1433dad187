import { Body1, Button, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { DocumentQueueAddRegular } from '@fluentui/react-icons';
import { ImportButton } from './ImportButton';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalM,
    padding: '64px 24px',
    maxWidth: '560px',
    margin: '0 auto',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', justifyContent: 'center' },
});

export function EmptyState({ onFiles, onSamples, busy }: { onFiles: (files: File[]) => void; onSamples: () => void; busy: boolean }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="empty-title">
      <Subtitle1 as="h2" id="empty-title">
        No documents yet
      </Subtitle1>
      <Body1>
        Import an inspection report, press release, transcript or board paper (PDF, Word, web page, Markdown or text), or drop
        files anywhere on this window. Everything stays on this computer.
      </Body1>
      <div className={styles.actions}>
        <ImportButton onFiles={onFiles} disabled={busy} />
        <Button icon={<DocumentQueueAddRegular />} onClick={onSamples} disabled={busy}>
          Load the sample documents
        </Button>
      </div>
    </section>
  );
}
