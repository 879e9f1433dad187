import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useDataState, useQuery } from '../hooks/data';
import { formatTime } from '../format';
import { TeamStatusText } from '../features/settings/TeamStatusText';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
  },
  grow: { flexGrow: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function StatusBar() {
  const styles = useStyles();
  const { lastSavedAt } = useDataState();
  const status = useQuery('app.status', {});
  const saved = lastSavedAt ?? (status.data?.lastSavedAt ? new Date(status.data.lastSavedAt) : null);
  return (
    <footer className={styles.bar} aria-label="Status">
      <Caption1 className={styles.grow} title={status.data?.dataDir}>
        Data stored in {status.data?.dataDir ?? '…'}
      </Caption1>
      <TeamStatusText />
      <Caption1 role="status" aria-live="polite" data-testid="last-saved">
        {saved ? `All changes saved at ${formatTime(saved, true)}` : 'No changes yet this session'}
      </Caption1>
    </footer>
  );
}
