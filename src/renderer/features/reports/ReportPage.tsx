import { Body1, Button, Caption1, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { useNavigate } from '../../app/navigation';
import { formatDate } from '../../format';
import { KIND_LABELS } from './kind-labels';

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalL },
  list: { paddingLeft: tokens.spacingHorizontalXL },
});

export function ReportPage({ id }: { id: string; findingId?: string }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const detail = useQuery('reports.get', { id });
  if (detail.error) return <p role="alert">{detail.error}</p>;
  if (!detail.data) return null;
  const { report, findings } = detail.data;
  return (
    <article>
      <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => navigate({ page: 'reports' })}>
        All reports
      </Button>
      <Title2 as="h1" block>
        {report.title}
      </Title2>
      <Caption1 className={styles.meta} block>
        {KIND_LABELS[report.kind]} · {report.force ?? 'force not stated'} · {report.period ?? 'period not stated'} · published{' '}
        {formatDate(report.published)}
      </Caption1>
      <Subtitle2 as="h2">Judgments</Subtitle2>
      <ul className={styles.list}>
        {report.judgments.map((j) => (
          <li key={j.id}>
            <Body1>
              {j.question ?? j.pillar ?? 'Overall'}: <strong>{j.grade ?? 'not graded'}</strong>
            </Body1>
          </li>
        ))}
      </ul>
      <Subtitle2 as="h2">Findings</Subtitle2>
      <ol className={styles.list}>
        {findings.map((f) => (
          <li key={f.id}>
            <Body1>{f.text}</Body1>
          </li>
        ))}
      </ol>
    </article>
  );
}
