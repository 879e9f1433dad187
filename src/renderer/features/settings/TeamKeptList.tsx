import { Button, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useAction, useQuery } from '../../hooks/data';
import { formatDateTime } from '../../format';

/** The team's list of things that need a person: values set aside when two people changed them, and refused changes kept as proposals. */
const useStyles = makeStyles({ section: { display: 'grid', gap: tokens.spacingVerticalS } });

export function TeamKeptList() {
  const styles = useStyles();
  const kept = useQuery('sync.kept', {});
  const act = useAction();
  const items = kept.data ?? [];
  return (
    <section className={styles.section} aria-labelledby="team-kept-heading">
      <Title3 as="h3" id="team-kept-heading">
        Needs a decision
      </Title3>
      {!items.length && <Text>Nothing: no change has been set aside or refused.</Text>}
      <ul data-testid="team-kept">
        {items.map((item) => (
          <li key={item.id}>
            <Text weight="semibold">{item.type === 'proposal' ? `Proposed by ${item.by}` : `Changed by two people (${item.by})`}</Text>{' '}
            <Text>
              — {item.what}, {formatDateTime(item.at)}
              {item.reason ? `. Refused: ${item.reason}` : ''}.{' '}
              {item.changes.map((c) => `${c.field}: “${c.value}” (the team has “${c.was}”)`).join('; ')}
            </Text>{' '}
            <Button size="small" onClick={() => void act('sync.dismiss', { id: item.id }, 'Removed from the list')}>
              Dealt with
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
