import { Switch } from '@fluentui/react-components';
import { useAction } from '../../hooks/data';

/** "Share with the team" for one note or annotation; private unless switched on (or tagged with a shared tag). */
export function TeamShareSwitch({ kind, id, shared }: { kind: 'note' | 'annotation'; id: string; shared: boolean | undefined }) {
  const act = useAction();
  return (
    <Switch
      label="Share with the team"
      checked={shared === true}
      onChange={(_e, d) => void act('sync.share', { kind, id, shared: d.checked }, d.checked ? 'Shared with the team' : 'Private again')}
    />
  );
}
