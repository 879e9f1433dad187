import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQuery } from '../hooks/data';

/** Tells the officer, once per start, which damaged files were set aside and what was put back. */
export function RecoveryBanner() {
  // Damaged files are found while the store loads in the background, after the first screen.
  const status = useQuery('app.status', { whenLoaded: true });
  const notices = status.data?.recovered ?? [];
  if (!notices.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="recovery-banner">
      <MessageBarBody>
        <MessageBarTitle>Some stored data was damaged and has been recovered</MessageBarTitle>
        <ul>
          {notices.map((n) => (
            <li key={`${n.action ?? 'restored'}:${n.setAsideAs}`}>
              {n.message ? (
                `${n.file}: ${n.message}.`
              ) : (
                <>
                  {n.file}: {n.problem}. The damaged file was set aside as {n.setAsideAs};{' '}
                  {n.restoredFrom ? `the last good copy was restored from ${n.restoredFrom}.` : 'no backup held a good copy, so it was left out.'}
                </>
              )}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
