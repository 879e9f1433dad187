import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SaveState } from './usePaperDraft';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground3 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const STATE_LABEL: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved — will try again with your next change',
};

/** Whether the editor's changes have reached the store, read out as they change. */
export function PaperSaveState({ state }: { state: SaveState }) {
  const styles = useStyles();
  return (
    <Text role="status" aria-live="polite" data-testid="paper-save-state" className={state === 'failed' ? styles.failed : styles.status}>
      {STATE_LABEL[state]}
    </Text>
  );
}
