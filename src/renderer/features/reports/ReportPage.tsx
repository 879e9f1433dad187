import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, Subtitle2, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { AddRegular, ArrowClockwiseRegular, ArrowLeftRegular, MergeRegular } from '@fluentui/react-icons';
import { useAction, useQuery } from '../../hooks/data';
import { useNavigate } from '../../navigation';
import { formatDate } from '../../format';
import { KIND_LABELS } from '../../kind-labels';
import { ReportActionsMenu } from './ReportActionsMenu';
import { ReportFiles } from './ReportFiles';
import { ReportStatusBanner } from './ReportStatusBanner';
import { useReportLabels } from './useReportLabels';
import type { HighlightRange } from '../reader/highlights';
import { LinkedDocuments } from '../reader/LinkedDocuments';
import { MetadataPanel } from '../reader/MetadataPanel';
import { Outline } from '../reader/Outline';
import { placeOf, reportRanges } from '../reader/ranges';
import type { ReaderDialog } from '../reader/reader-dialog';
import { ReaderDialogs } from '../reader/ReaderDialogs';
import type { TextRange } from '../reader/selection';
import { SourcePane, type SourcePaneHandle } from '../reader/SourcePane';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { useReportAnnotations } from '../annotations/useReportAnnotations';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%', minHeight: 0, gap: tokens.spacingVerticalS },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // The buttons keep their one-line labels (global.css); the title gives way.
  titleRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, margin: 0, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(340px, 2fr) 3fr', gap: tokens.spacingHorizontalL, minHeight: 0 },
  /** With the PDF page view open beside the text, the source takes more of the width. */
  wide: { gridTemplateColumns: 'minmax(300px, 1fr) 3fr' },
  pane: { overflowY: 'auto', minHeight: 0, paddingRight: tokens.spacingHorizontalS },
  toolbar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0, flexGrow: 1 },
  /** Below the sticky tabs (a medium TabList is 44 px high). */
  underTabs: { top: '44px' },
  sticky: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground1 },
});

/** The highlight of a passage the reader was opened at (a search hit in the text). */
const PASSAGE_ID = 'passage';

/** The report reader: the outline of judgments and findings beside the source text, every item correctable. */
export function ReportPage({ id, findingId, annotationId, anchor: passage }: { id: string; findingId?: string; annotationId?: string; anchor?: TextRange }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const act = useAction();
  const detail = useQuery('reports.get', { id });
  const source = useQuery('reports.text', { id });
  const reports = useQuery('reports.list', { all: true });
  const labels = useReportLabels();
  const summary = reports.data?.find((r) => r.id === id);
  const [activeId, setActiveId] = useState<string | null>(findingId ?? annotationId ?? (passage ? PASSAGE_ID : null));
  const [tab, setTab] = useState<'outline' | 'details' | 'annotations'>(annotationId ? 'annotations' : 'outline');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<ReaderDialog | null>(null);
  const [reading, setReading] = useState(false);
  const [wide, setWide] = useState(false);
  const outlinePane = useRef<HTMLDivElement>(null);
  const sourcePane = useRef<SourcePaneHandle>(null);

  const report = detail.data?.report;
  const findings = useMemo(() => detail.data?.findings ?? [], [detail.data]);
  const annotations = useReportAnnotations(id, source.data?.text);
  const ranges = useMemo(
    () => (report ? [...reportRanges(report, findings), ...annotations.ranges, ...(passage ? [{ ...passage, kind: 'passage', id: PASSAGE_ID }] : [])] : []),
    [report, findings, annotations.ranges, passage],
  );
  const onActivate = useCallback((range: HighlightRange) => setActiveId(range.id), []);

  useEffect(() => {
    outlinePane.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  if (detail.error) return <p role="alert">{detail.error}</p>;
  if (!report) return null;

  const corrected = new Set(report.corrections.filter((c) => c.target === 'report').map((c) => c.field));
  const correctedItems = new Set(report.corrections.map((c) => c.target));
  const chosenForMerge = findings.filter((f) => selected.has(f.id));

  const addFromSelection = (range: TextRange, text: string) => {
    setDialog({
      type: 'add-finding',
      selection: range,
      draft: { kind: 'area-for-improvement', text, leadIn: null, carriedOver: false, ...placeOf(report, findings, range.start) },
    });
  };

  const reextract = async () => {
    setReading(true);
    const result = await act('reports.reextract', { id });
    setReading(false);
    if (result.ok) setDialog({ type: 'reextract', summary: result.value });
  };

  return (
    <article className={styles.root} aria-labelledby="report-title">
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => navigate({ page: 'reports' })}>
            All reports
          </Button>
          <Title2 as="h1" id="report-title" className={styles.grow} truncate>
            {report.title}
          </Title2>
          <Button icon={<ArrowClockwiseRegular />} onClick={reextract} disabled={reading}>
            {reading ? 'Reading again…' : 'Re-extract'}
          </Button>
          {summary && <ReportActionsMenu report={summary} label={labels.get(id) ?? report.title} withText onDeleted={() => navigate({ page: 'reports' })} />}
        </div>
        <Caption1 className={styles.meta}>
          {KIND_LABELS[report.kind]} · {report.force ?? 'force not stated'} · {report.period ?? 'period not stated'} · published{' '}
          {formatDate(report.published)}
          {report.format === 'pdf' && source.data ? ` · PDF, ${source.data.pages.length} pages` : ''}
        </Caption1>
        <LinkedDocuments report={report} reports={reports.data ?? []} />
        {summary && <ReportStatusBanner report={summary} label={labels.get(id) ?? report.title} labels={labels} statusAt={report.statusAt} />}
      </header>
      <div className={mergeClasses(styles.columns, wide && styles.wide)}>
        <section className={styles.pane} ref={outlinePane} aria-label="Review">
          <div className={styles.sticky}>
            <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as 'outline' | 'details' | 'annotations')}>
              <Tab value="outline">Outline</Tab>
              <Tab value="details">Details</Tab>
              <Tab value="annotations">Annotations</Tab>
            </TabList>
          </div>
          {tab === 'annotations' && <AnnotationsPanel reportId={id} items={annotations.items} text={source.data?.text} activeId={activeId} onGo={setActiveId} />}
          {tab === 'outline' ? (
            <>
              <div className={mergeClasses(styles.toolbar, styles.underTabs)}>
                <Subtitle2 as="h2" className={styles.heading}>
                  Judgments and findings
                </Subtitle2>
                <Button size="small" icon={<AddRegular />} onClick={() => setDialog({ type: 'judgment', judgment: null })}>
                  Judgment
                </Button>
                <Button
                  size="small"
                  icon={<AddRegular />}
                  onClick={() =>
                    setDialog({
                      type: 'add-finding',
                      selection: null,
                      draft: { kind: 'area-for-improvement', text: '', pillar: null, question: null, leadIn: null, carriedOver: false },
                    })
                  }
                >
                  Finding
                </Button>
                <Button
                  size="small"
                  icon={<MergeRegular />}
                  disabled={chosenForMerge.length < 2}
                  onClick={() => setDialog({ type: 'merge', findings: chosenForMerge })}
                >
                  Merge selected{chosenForMerge.length > 1 ? ` (${chosenForMerge.length})` : ''}
                </Button>
              </div>
              <Outline
                judgments={report.judgments}
                findings={findings}
                quotes={report.quotes}
                corrected={correctedItems}
                handlers={{
                  activeId,
                  selected,
                  onChoose: setActiveId,
                  onToggle: (findingId, checked) =>
                    setSelected((s) => {
                      const next = new Set(s);
                      if (checked) next.add(findingId);
                      else next.delete(findingId);
                      return next;
                    }),
                  onEditJudgment: (judgment) => setDialog({ type: 'judgment', judgment }),
                  onEditFinding: (finding) => setDialog({ type: 'finding', finding }),
                  onRemoveFinding: (finding) => setDialog({ type: 'remove-finding', finding }),
                  onMarkChecked: async ({ type, item }) => (await act('reports.markChecked', { id, item: { type, id: item.id } }, 'Marked as checked')).ok,
                }}
              />
            </>
          ) : tab === 'details' ? (
            <>
              <div className={mergeClasses(styles.toolbar, styles.underTabs)}>
                <Subtitle2 as="h2" className={styles.heading}>
                  Document details
                </Subtitle2>
              </div>
              <MetadataPanel
                key={JSON.stringify([report.title, report.kind, report.force, report.published, report.period, report.aboutReportId])}
                report={report}
                reports={reports.data ?? []}
                corrected={corrected}
                onSave={async (changes) => (await act('reports.updateMeta', { id, changes }, 'Details saved')).ok}
              />
              <ReportFiles report={report} onRead={(summary) => setDialog({ type: 'reextract', summary })} />
            </>
          ) : null}
        </section>
        {source.error && <p role="alert">{source.error}</p>}
        {source.data && (
          <SourcePane
            ref={sourcePane}
            report={report}
            source={source.data}
            ranges={ranges}
            activeId={activeId}
            onActivate={onActivate}
            onAddFinding={addFromSelection}
            passage={passage}
            onWide={setWide}
          />
        )}
      </div>
      <ReaderDialogs
        reportId={id}
        dialog={dialog}
        setDialog={setDialog}
        onDone={(next) => {
          setSelected(new Set());
          if (next) setActiveId(next);
        }}
        onClosed={(closed, saved) => {
          if (closed.type === 'add-finding' && closed.selection) sourcePane.current?.afterDialog(closed.selection, saved);
        }}
      />
    </article>
  );
}
