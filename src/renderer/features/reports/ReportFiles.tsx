import { Button, Caption1, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DeleteRegular, DocumentCheckmarkRegular } from '@fluentui/react-icons';
import type { ReextractSummary } from '../../../shared/api/review';
import type { Report } from '../../../shared/domain/report';
import { FORMAT_LABELS } from '../../../shared/domain/report-label';
import { useAction } from '../../hooks/data';
import { formatBytes, formatDate } from '../../format';

const useStyles = makeStyles({
  root: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  file: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * The report's files: the one its findings are read from, and any other versions of the same report kept
 * beside it (another format, or the file a replacement took over from). Another version can become the
 * main file (read again, tracking carried over) or be removed.
 */
export function ReportFiles({ report, onRead }: { report: Report; onRead: (summary: ReextractSummary) => void }) {
  const styles = useStyles();
  const act = useAction();
  const versions = report.versions ?? [];
  return (
    <section className={styles.root} aria-labelledby="report-files-heading">
      <Subtitle2 as="h3" id="report-files-heading">
        Files of this report
      </Subtitle2>
      <ul className={styles.list} aria-labelledby="report-files-heading" data-testid="report-files">
        <li className={styles.file}>
          <Text weight="semibold" className={styles.name}>
            {report.fileName} ({FORMAT_LABELS[report.format]}, {formatBytes(report.size)})
          </Text>
          <Caption1>Imported {formatDate(report.importedAt)} · Findings are read from this file</Caption1>
        </li>
        {versions.map((v) => (
          <li key={v.sha256} className={styles.file}>
            <Text weight="semibold" className={styles.name}>
              {v.fileName} ({FORMAT_LABELS[v.format]}, {formatBytes(v.size)})
            </Text>
            <Caption1>
              Imported {formatDate(v.importedAt)}
              {v.replacedAt ? ` · replaced ${formatDate(v.replacedAt)}` : ' · kept beside it'}
            </Caption1>
            <div className={styles.actions}>
              <Button
                size="small"
                icon={<DocumentCheckmarkRegular />}
                aria-label={`Read the report from ${v.fileName}`}
                onClick={async () => {
                  const result = await act('reports.useVersion', { id: report.id, sha256: v.sha256 }, `The report now reads from ${v.fileName}`);
                  if (result.ok) onRead(result.value);
                }}
              >
                Read from this file
              </Button>
              <Button
                size="small"
                icon={<DeleteRegular />}
                aria-label={`Remove the version ${v.fileName}`}
                onClick={() => void act('reports.removeVersion', { id: report.id, sha256: v.sha256 }, `Removed ${v.fileName}`)}
              >
                Remove
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {versions.length === 0 && (
        <Caption1 className={styles.note}>
          Import the same report in another format (a PDF beside a web page) to keep it here as another version: one report, one set of findings.
        </Caption1>
      )}
    </section>
  );
}
