import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Finding } from '../../../shared/domain/finding';
import { useAction } from '../../hooks/data';
import { formatDateTime } from '../../format';

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? '(none)' : Array.isArray(v) ? v.join('; ') : String(v));

/** The "changed by two people — check" flag on a finding, with what was kept, what was set aside, and the confirm action. */
export function TeamTwoPeopleCheck({ finding }: { finding: Finding }) {
  const act = useAction();
  const flags = finding.tracking.twoPeople ?? [];
  if (!flags.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="two-people">
      <MessageBarBody>
        <MessageBarTitle>Changed by two people — check</MessageBarTitle>
        {flags.map((f) => (
          <div key={`${f.field}-${f.otherAt}-${f.keptAt}`}>
            {f.field}: kept “{shown(f.kept)}” ({f.keptBy}, {formatDateTime(f.keptAt)}); set aside “{shown(f.other)}” ({f.otherBy},{' '}
            {formatDateTime(f.otherAt)}), which is in the history.
          </div>
        ))}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void act('sync.confirmFinding', { id: finding.id }, 'Marked as checked')}>Confirm checked</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
