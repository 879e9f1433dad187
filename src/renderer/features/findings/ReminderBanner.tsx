import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { call, transportName } from '../../api/client';
import { useNavigate } from '../../navigation';
import { useAction, useQuery } from '../../hooks/data';
import { formatDate } from '../../format';

const DAY_MS = 86_400_000;

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalM },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Reminds of findings overdue or due within the notice period, on start and once a day while the app is open:
 * a banner in the window (with Open and Snooze), and in the desktop app a system notification too.
 */
export function ReminderBanner() {
  const styles = useStyles();
  const navigate = useNavigate();
  const act = useAction();
  const [day, setDay] = useState(() => Math.floor(Date.now() / DAY_MS));
  const [dismissedOn, setDismissedOn] = useState<number | null>(null);
  const due = useQuery('reminders.due', {});
  const notifiedOn = useRef<number | null>(null);

  // Once a day while open: a new day brings the reminder back.
  useEffect(() => {
    const timer = setInterval(() => setDay(Math.floor(Date.now() / DAY_MS)), 60_000);
    return () => clearInterval(timer);
  }, []);

  const open = useCallback(() => navigate({ page: 'findings', view: 'due' }), [navigate]);
  const items = useMemo(() => due.data?.items ?? [], [due.data]);
  const snooze = useCallback(async () => {
    if (items.length) await act('reminders.snooze', { findingIds: items.map((i) => i.findingId), days: 1 }, 'Reminders snoozed until tomorrow');
  }, [act, items]);

  useEffect(() => {
    if (transportName !== 'ipc' || !due.data || due.data.items.length === 0 || notifiedOn.current === day) return;
    notifiedOn.current = day;
    void call('reminders.notify', {}).then((result) => {
      if (!result.ok) return;
      if (result.value.action === 'open') open();
      if (result.value.action === 'snooze') void snooze();
    });
  }, [day, due.data, open, snooze]);

  if (!due.data || items.length === 0 || dismissedOn === day) return null;
  const { overdue, dueSoon, noticeDays } = due.data;
  const title = [overdue ? `${overdue} finding${overdue === 1 ? '' : 's'} overdue` : '', dueSoon ? `${dueSoon} due within ${noticeDays} days` : ''].filter(Boolean).join(', ');
  return (
    <MessageBar intent={overdue ? 'warning' : 'info'} layout="multiline" className={styles.bar} data-testid="reminder-banner">
      <MessageBarBody>
        <MessageBarTitle>Reminder: {title}</MessageBarTitle>
        <ul className={styles.list}>
          {items.slice(0, 3).map((i) => (
            <li key={i.findingId}>
              {i.reference} ({i.owner ?? 'no owner'}), {i.overdue ? 'was due' : 'due'} {formatDate(i.due)}
            </li>
          ))}
          {items.length > 3 && <li>and {items.length - 3} more</li>}
        </ul>
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Hide the reminder until tomorrow" icon={<DismissRegular />} onClick={() => setDismissedOn(day)} />}>
        <Button onClick={open}>Open</Button>
        <Button onClick={() => void snooze()}>Snooze for a day</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
