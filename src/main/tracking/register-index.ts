import type { Finding } from '../../shared/domain/finding';
import { canonicalLine } from '../../shared/domain/question-key';
import { asOf, isEmptyFilter, registerComparator, registerMatcher, type RegisterEntry } from '../../shared/domain/register';
import type { RegisterChoices, RegisterFilter, RegisterPage, RegisterRow, RegisterSort } from '../../shared/domain/views';
import { registerEntry, reportRanks, type RegisterReport } from './register';

export const DEFAULT_SORT: RegisterSort = { by: 'report', dir: 'asc' };

/** How many sort orders are kept, each kept up to date row by row (the officer rarely uses more than a few). */
const ORDERS_KEPT = 4;

const sortKey = (sort: RegisterSort) => `${sort.by}:${sort.dir}`;

/** The first index in `rows` whose row does not sort before `row`. */
function lowerBound(rows: readonly RegisterEntry[], row: RegisterEntry, compare: (a: RegisterEntry, b: RegisterEntry) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the window is sent: the row without the filter's text. */
function wireRow(entry: RegisterEntry, today: string): RegisterRow {
  const { haystack: _haystack, ...row } = asOf(entry, today);
  return row;
}

const pickReport = ({ id, title, period, published, importedAt }: RegisterReport): RegisterReport => ({ id, title, period, published, importedAt });

const timeOf = (r: RegisterReport) => `${r.period ?? ''}\u0000${r.published ?? ''}\u0000${r.importedAt}`;

type Order = { today: string; rows: RegisterEntry[]; compare: (a: RegisterEntry, b: RegisterEntry) => number };

/**
 * The findings register held in main, filtered, sorted and cut into windows for the renderer. It is fed
 * one report at a time (from the store's change events), and a report whose findings changed moves only
 * the rows that changed: each kept sort order takes the changed rows out and puts them back in their
 * place by binary search, instead of sorting everything again.
 */
export class RegisterIndex {
  private readonly entries = new Map<string, RegisterEntry>();
  private readonly byReport = new Map<string, string[]>();
  private readonly reports = new Map<string, RegisterReport>();
  private ranks = new Map<string, number>();
  /** Counts changes, so a cached filter result knows when it is stale. */
  private version = 0;
  private readonly orders = new Map<string, Order>();
  private filtered: { key: string; version: number; rows: RegisterEntry[] } | null = null;
  private choicesCache: { version: number; value: RegisterChoices } | null = null;

  constructor(private readonly today: () => string) {}

  get size(): number {
    return this.entries.size;
  }

  /** Puts in every report at once (ranks worked out once), replacing whatever was held. */
  load(docs: Iterable<{ report: RegisterReport; findings: readonly Finding[] }>): void {
    this.entries.clear();
    this.byReport.clear();
    this.reports.clear();
    const list = [...docs];
    for (const { report } of list) this.reports.set(report.id, pickReport(report));
    this.ranks = reportRanks([...this.reports.values()]);
    const today = this.today();
    for (const { report, findings } of list) {
      const rank = this.ranks.get(report.id) ?? list.length;
      for (const finding of findings) this.entries.set(finding.id, registerEntry(finding, report, rank, today));
      this.byReport.set(report.id, findings.map((f) => f.id));
    }
    this.version++;
    this.orders.clear();
  }

  /** Puts in a report and its findings, or brings them up to date; only the rows that differ are replaced. */
  setReport(report: RegisterReport, findings: readonly Finding[]): void {
    const before = this.reports.get(report.id);
    this.reports.set(report.id, pickReport(report));
    if (!before || timeOf(before) !== timeOf(report)) {
      if (this.rerank()) return this.replaceReportRows(report.id, findings);
    }
    const sameReport = before !== undefined && before.title === report.title && before.period === report.period;
    const oldIds = this.byReport.get(report.id) ?? [];
    const rank = this.ranks.get(report.id) ?? this.reports.size;
    const today = this.today();
    const removed: RegisterEntry[] = [];
    const added: RegisterEntry[] = [];
    const kept = new Set<string>();
    for (const finding of findings) {
      kept.add(finding.id);
      const old = this.entries.get(finding.id);
      // The store hands over fresh copies after every write: compare contents, not references.
      if (old && sameReport && old.reportRank === rank && old.finding.reportId === report.id && JSON.stringify(old.finding) === JSON.stringify(finding)) {
        continue;
      }
      if (old) removed.push(old);
      const entry = registerEntry(finding, report, rank, today);
      this.entries.set(finding.id, entry);
      added.push(entry);
    }
    for (const id of oldIds) {
      if (kept.has(id)) continue;
      const old = this.entries.get(id);
      if (old) removed.push(old);
      this.entries.delete(id);
    }
    this.byReport.set(report.id, findings.map((f) => f.id));
    this.moveRows(removed, added);
  }

  removeReport(id: string): void {
    if (!this.reports.has(id)) return;
    const removed = (this.byReport.get(id) ?? []).flatMap((fid) => this.entries.get(fid) ?? []);
    for (const row of removed) this.entries.delete(row.finding.id);
    this.byReport.delete(id);
    this.reports.delete(id);
    this.moveRows(removed, []);
    this.rerank();
  }

  /** One window of the register as the filter and sort give it, with how many rows the filter keeps and how many there are. */
  page(filter: RegisterFilter = {}, sort: RegisterSort = DEFAULT_SORT, offset = 0, limit = 100): RegisterPage {
    const today = this.today();
    const rows = this.matching(filter, sort);
    return {
      rows: rows.slice(offset, offset + limit).map((row) => wireRow(row, today)),
      offset,
      total: rows.length,
      all: this.entries.size,
    };
  }

  /** Every row the filter keeps, in the sort's order, with the filter's text (for exports and link candidates). */
  matching(filter: RegisterFilter = {}, sort: RegisterSort = DEFAULT_SORT): readonly RegisterEntry[] {
    const today = this.today();
    const ordered = this.order(sort, today);
    if (isEmptyFilter(filter)) return ordered;
    const key = `${sortKey(sort)}|${today}|${JSON.stringify(filter)}`;
    if (this.filtered?.key === key && this.filtered.version === this.version) return this.filtered.rows;
    const rows = ordered.filter(registerMatcher(filter, today));
    this.filtered = { key, version: this.version, rows };
    return rows;
  }

  entry(findingId: string): RegisterEntry | undefined {
    return this.entries.get(findingId);
  }

  /** The reports, pillars, questions and owners the findings have, for the filter lists. */
  choices(): RegisterChoices {
    if (this.choicesCache?.version === this.version) return this.choicesCache.value;
    const withFindings = new Set<string>();
    const pillars = new Map<string, string>();
    const questions = new Map<string, string>();
    const owners = new Map<string, string>();
    for (const { finding: f, questionKey: key } of this.entries.values()) {
      withFindings.add(f.reportId);
      if (f.pillar) pillars.set(f.pillar.toLowerCase(), f.pillar);
      if (f.question && key && !questions.has(key)) questions.set(key, canonicalLine(key)?.label ?? f.question);
      const owner = f.tracking.owner;
      if (owner) owners.set(owner.toLowerCase(), owner);
    }
    const byText = (a: string, b: string) => a.localeCompare(b, 'en-GB');
    const value: RegisterChoices = {
      reports: [...this.reports.values()]
        .filter((r) => withFindings.has(r.id))
        .sort((a, b) => (this.ranks.get(a.id) ?? 0) - (this.ranks.get(b.id) ?? 0))
        .map(({ id, title, period }) => ({ id, title, period })),
      pillars: [...pillars.values()].sort(byText),
      questions: [...questions.values()].sort(byText),
      owners: [...owners.values()].sort(byText),
    };
    this.choicesCache = { version: this.version, value };
    return value;
  }

  private order(sort: RegisterSort, today: string): RegisterEntry[] {
    const key = sortKey(sort);
    const kept = this.orders.get(key);
    if (kept && kept.today === today) {
      // Most recently used last, so the least used goes first when there are too many.
      this.orders.delete(key);
      this.orders.set(key, kept);
      return kept.rows;
    }
    const compare = registerComparator(sort, today);
    const rows = [...this.entries.values()].sort(compare);
    this.orders.delete(key);
    this.orders.set(key, { today, rows, compare });
    while (this.orders.size > ORDERS_KEPT) this.orders.delete(this.orders.keys().next().value as string);
    return rows;
  }

  /** Takes the old rows out of every kept order and puts the new ones in their places. */
  private moveRows(removed: readonly RegisterEntry[], added: readonly RegisterEntry[]): void {
    if (removed.length === 0 && added.length === 0) return;
    this.version++;
    for (const order of this.orders.values()) {
      for (const row of removed) {
        const at = lowerBound(order.rows, row, order.compare);
        if (order.rows[at] === row) order.rows.splice(at, 1);
        else {
          // Not where the comparator says (overdue changed under a new day): look for it.
          const found = order.rows.indexOf(row);
          if (found >= 0) order.rows.splice(found, 1);
        }
      }
      for (const row of added) order.rows.splice(lowerBound(order.rows, row, order.compare), 0, row);
    }
  }

  /**
   * Works out every report's place in time again. When any place moved (a report imported, deleted or
   * re-dated), every row of a moved report gets its new rank and the kept orders are dropped.
   */
  private rerank(): boolean {
    const next = reportRanks([...this.reports.values()]);
    let moved = false;
    for (const [id, rank] of next) {
      if (this.ranks.get(id) === rank) continue;
      moved = true;
      for (const fid of this.byReport.get(id) ?? []) {
        const row = this.entries.get(fid);
        if (row) this.entries.set(fid, { ...row, reportRank: rank });
      }
    }
    this.ranks = next;
    if (moved) {
      this.version++;
      this.orders.clear();
    }
    return moved;
  }

  /** Every row of one report built again, after the orders were dropped. */
  private replaceReportRows(reportId: string, findings: readonly Finding[]): void {
    const report = this.reports.get(reportId)!;
    const rank = this.ranks.get(reportId) ?? this.reports.size;
    const today = this.today();
    for (const id of this.byReport.get(reportId) ?? []) this.entries.delete(id);
    for (const finding of findings) this.entries.set(finding.id, registerEntry(finding, report, rank, today));
    this.byReport.set(reportId, findings.map((f) => f.id));
    this.version++;
  }
}
