import type { Finding } from '../../shared/domain/finding';
import { canonicalLine } from '../../shared/domain/question-key';
import { asOf, compareByKey, isEmptyFilter, registerMatcher, registerSortKey, type RegisterEntry, type SortValue } from '../../shared/domain/register';
import type { RegisterChoices, RegisterFilter, RegisterPage, RegisterReports, RegisterRow, RegisterSort } from '../../shared/domain/views';
import { registerEntry, reportRanks, type RegisterReport } from './register';

export const DEFAULT_SORT: RegisterSort = { by: 'report', dir: 'asc' };

/** How many sort orders are kept, each kept up to date row by row (the officer rarely uses more than a few). */
const ORDERS_KEPT = 4;

const sortName = (sort: RegisterSort) => `${sort.by}:${sort.dir}`;

/** What the window is sent: the row without the filter's text. */
function wireRow(entry: RegisterEntry, today: string): RegisterRow {
  const { haystack: _haystack, ...row } = asOf(entry, today);
  return row;
}

const pickReport = ({ id, title, period, published, importedAt }: RegisterReport): RegisterReport => ({ id, title, period, published, importedAt });

const timeOf = (r: RegisterReport) => `${r.period ?? ''}\u0000${r.published ?? ''}\u0000${r.importedAt}`;

/** One kept order: the rows, and each row's sort value, worked out once. */
class Order {
  private readonly keys = new Map<RegisterEntry, SortValue>();
  readonly rows: RegisterEntry[];
  private readonly key: (row: RegisterRow) => SortValue;
  private readonly compare: ReturnType<typeof compareByKey>;

  constructor(
    readonly today: string,
    sort: RegisterSort,
    entries: Iterable<RegisterEntry>,
  ) {
    this.key = registerSortKey(sort, today);
    this.compare = compareByKey(sort);
    this.rows = [...entries];
    for (const row of this.rows) this.keys.set(row, this.key(row));
    this.rows.sort((a, b) => this.compare(this.keys.get(a)!, a, this.keys.get(b)!, b));
  }

  /** The first place whose row does not sort before `row`. */
  private place(row: RegisterEntry, key: SortValue): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = this.rows[mid]!;
      if (this.compare(this.keys.get(other)!, other, key, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  remove(row: RegisterEntry): void {
    const key = this.keys.get(row);
    if (key === undefined) return;
    const at = this.place(row, key);
    this.rows.splice(this.rows[at] === row ? at : this.rows.indexOf(row), 1);
    this.keys.delete(row);
  }

  add(row: RegisterEntry): void {
    const key = this.key(row);
    this.rows.splice(this.place(row, key), 0, row);
    this.keys.set(row, key);
  }
}

/** How many rows carry each value of a filter list, so the lists follow edits without a walk through every row. */
class Tally {
  private readonly counts = new Map<string, { label: string; count: number }>();
  /** Counts changes of the set of values (not of their counts). */
  changes = 0;

  add(key: string, label: string): void {
    const held = this.counts.get(key);
    if (held) held.count++;
    else {
      this.counts.set(key, { label, count: 1 });
      this.changes++;
    }
  }

  remove(key: string): void {
    const held = this.counts.get(key);
    if (!held) return;
    if (--held.count === 0) {
      this.counts.delete(key);
      this.changes++;
    }
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  labels(): string[] {
    return [...this.counts.values()].map((v) => v.label).sort((a, b) => a.localeCompare(b, 'en-GB'));
  }

  clear(): void {
    this.counts.clear();
    this.changes++;
  }
}

/**
 * The findings register held in main, filtered, sorted and cut into windows for the renderer. It is fed
 * one report at a time (from the store's change events), and a report whose findings changed moves only
 * the rows that changed: each kept sort order takes the changed rows out and puts them back in their
 * place by binary search, instead of sorting everything again; the filter lists are kept as counts.
 */
export class RegisterIndex {
  private readonly entries = new Map<string, RegisterEntry>();
  private readonly byReport = new Map<string, string[]>();
  private readonly reports = new Map<string, RegisterReport>();
  private ranks = new Map<string, number>();
  private readonly orders = new Map<string, Order>();
  /** Filtered orders (a filter and a sort), kept up to date row by row like the orders. */
  private readonly views = new Map<string, { order: Order; matches: (row: RegisterEntry) => boolean }>();
  private readonly tallies = { reports: new Tally(), pillars: new Tally(), questions: new Tally(), owners: new Tally() };
  private choicesCache: { at: string; value: RegisterChoices } | null = null;
  private reportsCache: { at: string; value: RegisterReports } | null = null;
  /** Counts changes to the reports' names, periods and places, which the report list shows. */
  private reportsChanged = 0;

  constructor(private readonly today: () => string) {}

  get size(): number {
    return this.entries.size;
  }

  /** Puts in every report at once (ranks worked out once), replacing whatever was held. */
  load(docs: Iterable<{ report: RegisterReport; findings: readonly Finding[] }>): void {
    this.entries.clear();
    this.byReport.clear();
    this.reports.clear();
    for (const tally of Object.values(this.tallies)) tally.clear();
    const list = [...docs];
    for (const { report } of list) this.reports.set(report.id, pickReport(report));
    this.ranks = reportRanks([...this.reports.values()]);
    const today = this.today();
    for (const { report, findings } of list) {
      const rank = this.ranks.get(report.id) ?? list.length;
      for (const finding of findings) this.put(registerEntry(finding, report, rank, today));
      this.byReport.set(report.id, findings.map((f) => f.id));
    }
    this.reportsChanged++;
    this.dropOrders();
  }

  /** Puts in a report and its findings, or brings them up to date; only the rows that differ are replaced. */
  setReport(report: RegisterReport, findings: readonly Finding[]): void {
    const before = this.reports.get(report.id);
    this.reports.set(report.id, pickReport(report));
    if ((!before || timeOf(before) !== timeOf(report)) && this.rerank()) return this.replaceReportRows(report.id, findings);
    const sameReport = before !== undefined && before.title === report.title && before.period === report.period;
    if (!sameReport) this.reportsChanged++;
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
      if (old) removed.push(this.drop(old));
      added.push(this.put(registerEntry(finding, report, rank, today)));
    }
    for (const id of oldIds) {
      const old = this.entries.get(id);
      if (!kept.has(id) && old) removed.push(this.drop(old));
    }
    this.byReport.set(report.id, findings.map((f) => f.id));
    this.moveRows(removed, added);
  }

  removeReport(id: string): void {
    if (!this.reports.has(id)) return;
    const removed = (this.byReport.get(id) ?? []).flatMap((fid) => this.entries.get(fid) ?? []);
    for (const row of removed) this.drop(row);
    this.byReport.delete(id);
    this.reports.delete(id);
    this.reportsChanged++;
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
    const key = `${sortName(sort)}|${JSON.stringify(filter)}`;
    let view = this.views.get(key);
    this.views.delete(key);
    if (!view || view.order.today !== today) {
      const matches = registerMatcher(filter, today);
      view = { order: new Order(today, sort, ordered.filter(matches)), matches };
    }
    this.views.set(key, view);
    while (this.views.size > ORDERS_KEPT) this.views.delete(this.views.keys().next().value as string);
    return view.order.rows;
  }

  entry(findingId: string): RegisterEntry | undefined {
    return this.entries.get(findingId);
  }

  /** The reports that have findings, in time order, for the report filter. */
  reportsWithFindings(): RegisterReports {
    const { reports } = this.tallies;
    // It changes only when a report is renamed, re-dated, added or removed, or gains its first finding or loses its last.
    const at = `${this.reportsChanged}:${reports.changes}`;
    if (this.reportsCache?.at === at) return this.reportsCache.value;
    const value = [...this.reports.values()]
      .filter((r) => reports.has(r.id))
      .sort((a, b) => (this.ranks.get(a.id) ?? 0) - (this.ranks.get(b.id) ?? 0))
      .map(({ id, title, period }) => ({ id, title, period }));
    this.reportsCache = { at, value };
    return value;
  }

  /** The pillars, questions and owners the findings have, for the other filter lists. */
  choices(): RegisterChoices {
    const { pillars, questions, owners } = this.tallies;
    // The lists change only when a value comes or goes.
    const at = `${pillars.changes}:${questions.changes}:${owners.changes}`;
    if (this.choicesCache?.at === at) return this.choicesCache.value;
    const value: RegisterChoices = {
      pillars: pillars.labels(),
      questions: questions.labels(),
      owners: owners.labels(),
    };
    this.choicesCache = { at, value };
    return value;
  }

  private put(entry: RegisterEntry): RegisterEntry {
    this.entries.set(entry.finding.id, entry);
    this.tally(entry, 'add');
    return entry;
  }

  private drop(entry: RegisterEntry): RegisterEntry {
    if (this.entries.get(entry.finding.id) === entry) this.entries.delete(entry.finding.id);
    this.tally(entry, 'remove');
    return entry;
  }

  private tally(entry: RegisterEntry, how: 'add' | 'remove'): void {
    const f = entry.finding;
    const { reports, pillars, questions, owners } = this.tallies;
    const owner = f.tracking.owner;
    if (how === 'add') {
      reports.add(f.reportId, f.reportId);
      if (f.pillar) pillars.add(f.pillar.toLowerCase(), f.pillar);
      if (f.question && entry.questionKey) questions.add(entry.questionKey, canonicalLine(entry.questionKey)?.label ?? f.question);
      if (owner) owners.add(owner.toLowerCase(), owner);
    } else {
      reports.remove(f.reportId);
      if (f.pillar) pillars.remove(f.pillar.toLowerCase());
      if (f.question && entry.questionKey) questions.remove(entry.questionKey);
      if (owner) owners.remove(owner.toLowerCase());
    }
  }

  private order(sort: RegisterSort, today: string): RegisterEntry[] {
    const name = sortName(sort);
    const kept = this.orders.get(name);
    // Most recently used last, so the least used goes first when there are too many.
    this.orders.delete(name);
    const order = kept && kept.today === today ? kept : new Order(today, sort, this.entries.values());
    this.orders.set(name, order);
    while (this.orders.size > ORDERS_KEPT) this.orders.delete(this.orders.keys().next().value as string);
    return order.rows;
  }

  /** Takes the old rows out of every kept order and puts the new ones in their places. */
  private moveRows(removed: readonly RegisterEntry[], added: readonly RegisterEntry[]): void {
    if (removed.length === 0 && added.length === 0) return;
    for (const order of this.orders.values()) {
      for (const row of removed) order.remove(row);
      for (const row of added) order.add(row);
    }
    for (const { order, matches } of this.views.values()) {
      for (const row of removed) order.remove(row);
      for (const row of added) if (matches(row)) order.add(row);
    }
  }

  private dropOrders(): void {
    this.orders.clear();
    this.views.clear();
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
      this.reportsChanged++;
      this.dropOrders();
    }
    return moved;
  }

  /** Every row of one report built again, after the orders were dropped. */
  private replaceReportRows(reportId: string, findings: readonly Finding[]): void {
    const report = this.reports.get(reportId)!;
    const rank = this.ranks.get(reportId) ?? this.reports.size;
    const today = this.today();
    for (const id of this.byReport.get(reportId) ?? []) {
      const old = this.entries.get(id);
      if (old) this.drop(old);
    }
    for (const finding of findings) this.put(registerEntry(finding, report, rank, today));
    this.byReport.set(reportId, findings.map((f) => f.id));
  }
}
