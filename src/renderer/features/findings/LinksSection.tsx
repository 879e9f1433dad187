import { Badge, Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular, LinkDismissRegular } from '@fluentui/react-icons';
import type { FindingDetail, LinkedFinding } from '../../../shared/api/findings';
import { useAction } from '../../hooks/data';
import { KIND_LABELS } from '../../kind-labels';
import { LinkPicker } from './LinkPicker';

const useStyles = makeStyles({
  chain: { listStyle: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalM}`, display: 'grid', gap: tokens.spacingVerticalXS },
  step: {
    display: 'grid',
    gridTemplateColumns: '80px 1fr',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  here: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorBrandBackground2 },
  period: { fontWeight: tokens.fontWeightSemibold },
  suggestion: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const describe = (f: LinkedFinding) => `${f.reportPeriod ?? 'Undated'} ${KIND_LABELS[f.reportKind].toLowerCase()}: ${f.text}`;

/** The finding's life across inspections, the links waiting for a decision, and a way to link by hand. */
export function LinksSection({ detail, onOpen }: { detail: FindingDetail; onOpen: (id: string) => void }) {
  const styles = useStyles();
  const act = useAction();
  const id = detail.finding.id;
  const suggested = detail.links.filter((l) => l.link.state === 'suggested');
  const confirmed = detail.links.filter((l) => l.link.state === 'confirmed');
  return (
    <section aria-labelledby="links-heading">
      <h3 id="links-heading">Across inspections</h3>
      {detail.chain.length > 1 ? (
        <ol className={styles.chain} aria-label="Linked chain, earliest first" data-testid="link-chain">
          {detail.chain.map((f) => (
            <li key={f.id} className={mergeClasses(styles.step, f.id === id && styles.here)} aria-current={f.id === id ? 'step' : undefined}>
              <span className={styles.period}>{f.reportPeriod ?? 'Undated'}</span>
              <span>
                {f.id === id ? (
                  <Text>{f.text} (this finding)</Text>
                ) : (
                  <Link onClick={() => onOpen(f.id)}>{f.text}</Link>
                )}{' '}
                <Badge appearance="outline" size="small">
                  {f.status}
                </Badge>
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <Text as="p">Not linked to a finding in another inspection yet.</Text>
      )}
      {confirmed.length > 0 && (
        <div className={styles.actions}>
          {confirmed.map((l) => {
            const other = l.earlier.id === id ? l.later : l.earlier;
            return (
              <Button
                key={l.link.id}
                size="small"
                appearance="subtle"
                icon={<LinkDismissRegular />}
                onClick={() => void act('links.decide', { id: l.link.id, decision: 'rejected' }, 'Link removed')}
              >
                Unlink {other.reportPeriod ?? 'undated'} finding
              </Button>
            );
          })}
        </div>
      )}
      {suggested.length > 0 && (
        <>
          <h4>Suggested links</h4>
          {suggested.map((l) => {
            const other = l.earlier.id === id ? l.later : l.earlier;
            return (
              <div key={l.link.id} className={styles.suggestion} data-testid="link-suggestion">
                <Text>
                  {l.earlier.id === id ? 'Later' : 'Earlier'}: {describe(other)}
                </Text>
                <div className={styles.actions}>
                  <Text size={200}>Similarity {Math.round(l.link.score * 100)}%</Text>
                  <Button
                    size="small"
                    appearance="primary"
                    icon={<CheckmarkRegular />}
                    aria-label={`Confirm link to the ${other.reportPeriod ?? 'undated'} finding: ${other.text}`}
                    onClick={() => void act('links.decide', { id: l.link.id, decision: 'confirmed' }, 'Link confirmed')}
                  >
                    Confirm
                  </Button>
                  <Button
                    size="small"
                    icon={<DismissRegular />}
                    aria-label={`Reject link to the ${other.reportPeriod ?? 'undated'} finding: ${other.text}`}
                    onClick={() => void act('links.decide', { id: l.link.id, decision: 'rejected' }, 'Suggestion rejected')}
                  >
                    Reject
                  </Button>
                </div>
              </div>
            );
          })}
        </>
      )}
      <LinkPicker findingId={id} />
    </section>
  );
}
