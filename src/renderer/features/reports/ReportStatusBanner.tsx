import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReportSummary } from '../../../shared/api/reports';
import { useNavigate } from '../../navigation';
import { formatDate } from '../../format';
import { useReportRemoval } from './useReportRemoval';

/** Says, in the reader, that a report is archived or superseded, and offers to make it active again. */
export function ReportStatusBanner({ report, label, labels, statusAt }: { report: ReportSummary; label: string; labels: ReadonlyMap<string, string>; statusAt?: string }) {
  const navigate = useNavigate();
  const { reactivate } = useReportRemoval();
  if ((report.status ?? 'active') === 'active') return null;
  const since = statusAt ? ` on ${formatDate(statusAt)}` : '';
  const by = report.supersededBy;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="report-status">
      <MessageBarBody>
        <MessageBarTitle>{report.status === 'archived' ? `Archived${since}` : `Superseded${since}`}</MessageBarTitle>
        {report.status === 'archived'
          ? 'Hidden from the reports list, the register and the dashboard; nothing of it is lost.'
          : 'Hidden like an archived report and left out of grade comparisons; '}
        {report.status === 'superseded' && by && (
          <>
            {'it gave way to '}
            <Button appearance="transparent" size="small" onClick={() => navigate({ page: 'report', id: by })}>
              {labels.get(by) ?? 'the report that replaced it'}
            </Button>
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => void reactivate(report, label)}>Make active again</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
