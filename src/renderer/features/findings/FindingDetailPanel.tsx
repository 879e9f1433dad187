import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  Link,
  makeStyles,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DismissRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { useFocusKeeper } from '../../hooks/useFocusReturn';
import { useNavigate } from '../../navigation';
import { FINDING_KIND_LABELS } from '../../finding-labels';
import { KIND_LABELS } from '../../kind-labels';
import { EvidenceSection } from './EvidenceSection';
import { HistoryTable } from './HistoryTable';
import { LifecycleSection } from './LifecycleSection';
import { LinksSection } from './LinksSection';
import { ProgressSection } from './ProgressSection';
import { TrackingFields } from './TrackingFields';
import type { TrackingEdits } from './useTrackingEdits';
import { TeamTwoPeopleCheck } from '../settings/TeamTwoPeopleCheck';

const useStyles = makeStyles({
  drawer: { width: 'min(760px, 90vw)' },
  body: { display: 'grid', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  text: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, margin: 0 },
});

type Props = { findingId: string | null; edits: TrackingEdits; onOpen: (id: string) => void; onClose: () => void };

/** One finding: its words, where it came from, its tracking, progress, evidence, history and links across inspections. */
export function FindingDetailPanel({ findingId, edits, onOpen, onClose }: Props) {
  const styles = useStyles();
  const navigate = useNavigate();
  const detail = useQuery('findings.get', { id: findingId ?? '' }, findingId !== null);
  const data = detail.data?.finding.id === findingId ? detail.data : undefined;
  // Confirming a suggested link, adding an update or signing off replaces the control that was used:
  // focus stays in the panel, so Escape still closes it.
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  useFocusKeeper(body, findingId !== null);
  return (
    <OverlayDrawer open={findingId !== null} position="end" className={styles.drawer} onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle heading={{ as: 'h2' }} action={<Button appearance="subtle" aria-label="Close the finding" icon={<DismissRegular />} onClick={onClose} />}>
          {data ? FINDING_KIND_LABELS[data.finding.kind] : 'Finding'}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody ref={setBody} className={styles.body} data-testid="finding-detail" tabIndex={-1}>
        {detail.error && <p role="alert">{detail.error}</p>}
        {!data && !detail.error && <Spinner label="Loading the finding" />}
        {data && (
          <>
            <div className={styles.meta}>
              {data.reference && (
                <Badge appearance="filled" data-testid="finding-reference">
                  {data.reference}
                </Badge>
              )}
              <Badge appearance="tint">{data.report.reportPeriod ?? 'Undated'}</Badge>
              <Text>
                {KIND_LABELS[data.report.reportKind]}: {data.report.reportTitle}
              </Text>
            </div>
            {(data.finding.pillar || data.finding.question) && (
              <Text size={200}>{[data.finding.pillar, data.finding.question].filter(Boolean).join(' › ')}</Text>
            )}
            <blockquote className={styles.text}>
              {data.finding.leadIn && <Text block>{data.finding.leadIn}</Text>}
              <Text block>{data.finding.text}</Text>
            </blockquote>
            <Link
              onClick={() => navigate({ page: 'report', id: data.report.reportId, findingId: data.finding.id })}
              aria-label="Show this finding in the report"
            >
              <DocumentSearchRegular aria-hidden /> Show in report
            </Link>
            <TeamTwoPeopleCheck finding={data.finding} />
            <section aria-labelledby="tracking-heading">
              <h3 id="tracking-heading">Tracking</h3>
              <TrackingFields key={data.finding.id} finding={data.finding} edits={edits} />
            </section>
            <LifecycleSection detail={data} onOpen={onOpen} />
            <ProgressSection key={`progress-${data.finding.id}`} finding={data.finding} />
            <EvidenceSection key={`evidence-${data.finding.id}`} finding={data.finding} edits={edits} />
            <LinksSection detail={data} onOpen={onOpen} />
            <HistoryTable history={data.finding.tracking.history} />
          </>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
