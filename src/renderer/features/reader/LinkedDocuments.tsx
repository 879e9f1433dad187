import { Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportSummary } from '../../../shared/api/reports';
import type { Report } from '../../../shared/domain/report';
import { useNavigate } from '../../navigation';
import { KIND_LABELS } from '../../kind-labels';
import { useReportLabels } from '../reports/useReportLabels';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
});

/** The report a supporting document is about, or the supporting documents (press release, transcript, board paper) about this report. */
export function LinkedDocuments({ report, reports }: { report: Report; reports: ReportSummary[] }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const labels = useReportLabels();
  const about = reports.find((r) => r.id === report.aboutReportId);
  const supporting = reports.filter((r) => r.aboutReportId === report.id);
  if (!about && supporting.length === 0) return null;
  return (
    <div className={styles.root} data-testid="linked-documents">
      {about && (
        <Caption1>
          About{' '}
          <Link as="button" onClick={() => navigate({ page: 'report', id: about.id })}>
            {labels.get(about.id) ?? about.title}
          </Link>
        </Caption1>
      )}
      {supporting.length > 0 && <Caption1>Linked:</Caption1>}
      {supporting.map((r) => (
        <Caption1 key={r.id}>
          <Link as="button" onClick={() => navigate({ page: 'report', id: r.id })}>
            {KIND_LABELS[r.kind]}: {labels.get(r.id) ?? r.title}
          </Link>
        </Caption1>
      ))}
    </div>
  );
}
