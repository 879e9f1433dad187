import { useEffect, useRef, useState } from 'react';
import { Caption1 } from '@fluentui/react-components';
import type { TeamStatus } from '../../../shared/api/sync';
import { call } from '../../api/client';
import { useDataState } from '../../hooks/data';
import { teamStatusWords } from './team-words';

/**
 * Team working in the status bar: "Synced 2 minutes ago", "3 changes waiting", "Offline" or the
 * problem. Asks main every few seconds (changes arrive from the team without any action here), and
 * when changes from the team were stored, has every view read again.
 */
export function TeamStatusText() {
  const { changed } = useDataState();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const applied = useRef<number | null>(null);
  useEffect(() => {
    let live = true;
    const ask = async () => {
      const result = await call('sync.status', {});
      if (!live || !result.ok) return;
      setStatus(result.value);
      if (applied.current !== null && result.value.applied > applied.current) changed();
      applied.current = result.value.applied;
    };
    void ask();
    const timer = setInterval(() => void ask(), 3_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [changed]);
  const words = status && teamStatusWords(status);
  if (!words) return null;
  return (
    <Caption1 role="status" aria-live="polite" data-testid="team-status" title={status?.problem ?? undefined}>
      {words}
    </Caption1>
  );
}
