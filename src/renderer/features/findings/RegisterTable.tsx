import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular, ClockAlarmRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterSort, RegisterSortKey } from '../../../shared/domain/views';
import { formatDate } from '../../format';
import { useReportLabels } from '../reports/useReportLabels';
import { FINDING_KIND_SHORT } from '../../finding-labels';
import { RagChip } from './RagChip';
import type { RegisterWindow } from './useRegisterWindow';

/** Two lines of 18 px and a little air: twelve rows show at 1366×768 under the filter bar. */
const ROW_HEIGHT = 40;

const COLUMNS: Array<{ key: RegisterSortKey; label: string }> = [
  { key: 'report', label: 'Report' },
  { key: 'pillar', label: 'Pillar' },
  { key: 'question', label: 'Question' },
  { key: 'kind', label: 'Kind' },
  { key: 'text', label: 'Finding' },
  { key: 'owner', label: 'Owner' },
  { key: 'status', label: 'Status' },
  { key: 'rag', label: 'RAG' },
  { key: 'due', label: 'Target date' },
];

const TEMPLATE = '64px 92px 140px 126px minmax(200px, 1fr) 110px 120px 96px 128px';

const useStyles = makeStyles({
  grid: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minHeight: 0,
  },
  row: { display: 'grid', gridTemplateColumns: TEMPLATE, alignItems: 'center', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  headButton: {
    border: 'none',
    backgroundColor: 'transparent',
    font: 'inherit',
    color: 'inherit',
    textAlign: 'left',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  // The table takes whatever height the page leaves it, and never less than four rows.
  scroller: { flexGrow: 1, minHeight: '240px', overflowY: 'auto', position: 'relative' },
  body: { position: 'relative', width: '100%' },
  bodyRow: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  // Two lines at most, so every row keeps the height the virtualiser counts on.
  cell: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    lineHeight: '18px',
    fontSize: tokens.fontSizeBase300,
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, display: 'flex', alignItems: 'center', gap: '2px' },
  empty: { padding: tokens.spacingHorizontalL },
  waiting: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  /** How many rows the filter keeps, and where to find each (read from main a window at a time). */
  total: number;
  rowAt: RegisterWindow['rowAt'];
  showing: RegisterWindow['showing'];
  /** Changes when the filter or sort does: the table goes back to its first row. */
  resetKey: string;
  sort: RegisterSort;
  onSort: (sort: RegisterSort) => void;
  onOpen: (findingId: string) => void;
  selectedId: string | null;
};

/**
 * The register as an ARIA grid: only the rows in view are in the page, and only their windows are read
 * from main, so 100,000 findings scroll as smoothly as ten. One row at a time is in the tab order; arrow
 * keys, Page Up/Down, Home and End move between rows and Enter opens one.
 */
export function RegisterTable({ total, rowAt, showing, resetKey, sort, onSort, onOpen, selectedId }: Props) {
  const styles = useStyles();
  // The report's period, told apart (force, kind, format) where two reports share one.
  const reportNames = useReportLabels('period');
  const reportTitles = useReportLabels();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(total - 1, 0));
  // The app does not use the React Compiler, whose memoising this hook's functions would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => showing(first, last), [showing, first, last]);

  // A new filter or order starts at the top.
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setActive(0);
  }
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
    // Focus moves now when the row is drawn (it usually is: rows beyond the view are drawn too), so a key
    // pressed straight after (ArrowDown then Enter) goes to the new row, not the old one; a row far off
    // exists only once the scroll has drawn it.
    const row = () => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`);
    const drawn = row();
    if (drawn) drawn.focus();
    else requestAnimationFrame(() => row()?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: total - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const row = rowAt(index);
      if (row) onOpen(row.finding.id);
    }
  };

  const ariaSort = (key: RegisterSortKey) => (sort.by === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');

  return (
    <div role="grid" aria-label="Findings register" aria-rowcount={total + 1} aria-colcount={COLUMNS.length} className={styles.grid} data-testid="register-grid">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.head)}>
          {COLUMNS.map((c) => (
            <div role="columnheader" aria-sort={ariaSort(c.key)} key={c.key}>
              <button
                type="button"
                className={styles.headButton}
                onClick={() => onSort({ by: c.key, dir: sort.by === c.key && sort.dir === 'asc' ? 'desc' : 'asc' })}
                aria-label={`Sort by ${c.label.toLowerCase()}`}
              >
                {c.label}
                {sort.by === c.key && (sort.dir === 'asc' ? <ArrowSortUpRegular aria-hidden /> : <ArrowSortDownRegular aria-hidden />)}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div ref={scroller} className={styles.scroller} role="rowgroup" aria-label="Findings">
        {total === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className={styles.empty}>
              No findings match these filters.
            </div>
          </div>
        ) : (
          <div className={styles.body} style={{ height: virtual.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              if (!row) {
                return (
                  <div
                    role="row"
                    key={`waiting-${item.index}`}
                    data-index={item.index}
                    aria-rowindex={item.index + 2}
                    aria-busy
                    tabIndex={item.index === current ? 0 : -1}
                    className={mergeClasses(styles.row, styles.bodyRow)}
                    style={{ transform: `translateY(${item.start}px)` }}
                    onFocus={() => setActive(item.index)}
                    onKeyDown={(e) => onKeyDown(e, item.index)}
                  >
                    <div role="gridcell" className={mergeClasses(styles.cell, styles.waiting)}>
                      …
                    </div>
                  </div>
                );
              }
              const f = row.finding;
              const t = f.tracking;
              return (
                <div
                  role="row"
                  key={f.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={f.id === selectedId}
                  tabIndex={item.index === current ? 0 : -1}
                  className={mergeClasses(styles.row, styles.bodyRow, f.id === selectedId && styles.selected)}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    setActive(item.index);
                    onOpen(f.id);
                  }}
                  onFocus={() => setActive(item.index)}
                  onKeyDown={(e) => onKeyDown(e, item.index)}
                >
                  <div role="gridcell" className={styles.cell} title={reportTitles.get(f.reportId) ?? row.reportTitle}>
                    {reportNames.get(f.reportId) ?? row.reportPeriod ?? '—'}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    {f.pillar ?? '—'}
                  </div>
                  <div role="gridcell" className={styles.cell} title={f.question ?? undefined}>
                    {f.question ?? '—'}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    {FINDING_KIND_SHORT[f.kind]}
                  </div>
                  <div role="gridcell" className={styles.cell} title={f.text}>
                    {f.text}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    {t.owner ?? '—'}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    {t.status}
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    <RagChip rag={t.rag} />
                  </div>
                  <div role="gridcell" className={styles.cell}>
                    {formatDate(t.due)}
                    {row.overdue && (
                      <span className={styles.overdue}>
                        <ClockAlarmRegular aria-hidden /> Overdue
                      </span>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
