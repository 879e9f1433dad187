import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FINDING_STATUSES, RAGS, type Finding } from '../../shared/domain/finding';
import { filterRegister } from '../../shared/domain/register';
import type { Report } from '../../shared/domain/report';
import { REGISTER_SORT_KEYS, type RegisterFilter, type RegisterSort } from '../../shared/domain/views';
import { BOARD_PAPER_2017, FINDINGS_2016, FINDINGS_2017, FINDINGS_2018_19, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';
import { buildRegister } from './register';
import { RegisterIndex } from './register-index';

const TODAY = '2018-09-01';

type Doc = { report: Report; findings: Finding[] };

const startingDocs = (): Doc[] => [
  { report: REPORT_2018_19, findings: FINDINGS_2018_19 },
  { report: BOARD_PAPER_2017, findings: FINDINGS_2017 },
  { report: REPORT_2016, findings: FINDINGS_2016 },
];

function indexOf(docs: Doc[], today = () => TODAY): RegisterIndex {
  const index = new RegisterIndex(today);
  index.load(docs);
  return index;
}

const ids = (rows: ReadonlyArray<{ finding: { id: string } }>) => rows.map((r) => r.finding.id);

/** What a full rebuild, filter and sort of the same findings gives: the index must always agree. */
function rebuilt(docs: Doc[], filter: RegisterFilter, sort: RegisterSort): string[] {
  const rows = buildRegister(
    docs.flatMap((d) => d.findings),
    docs.map((d) => d.report),
    TODAY,
  );
  return ids(filterRegister(rows, filter, sort, TODAY));
}

function withTracking(doc: Doc, findingId: string, tracking: Partial<Finding['tracking']>): Doc {
  return { ...doc, findings: doc.findings.map((f) => (f.id === findingId ? { ...f, tracking: { ...f.tracking, ...tracking } } : f)) };
}

describe('RegisterIndex', () => {
  it('answers windows of the register in report order, earliest report first', () => {
    const index = indexOf(startingDocs());
    const first = index.page({}, undefined, 0, 3);
    expect(first).toMatchObject({ offset: 0, total: 26, all: 26 });
    expect(ids(first.rows)).toEqual(['f16-perceptions', 'f16-strategic-assessment', 'f16-standards']);
    expect(ids(index.page({}, undefined, 0, 26).rows)).toEqual(rebuilt(startingDocs(), {}, { by: 'report', dir: 'asc' }));
    const last = index.page({}, undefined, 24, 10);
    expect(ids(last.rows)).toEqual(['f18-abuse-of-position', 'f18-counter-corruption']);
    expect(last.rows[0]).not.toHaveProperty('haystack');
  });

  it('replaces only the row of the finding that changed', () => {
    const docs = startingDocs();
    const index = indexOf(docs);
    index.page({}, { by: 'owner', dir: 'asc' });
    const untouched = index.entry('f17-grievance');
    const edited = withTracking(docs[1]!, 'f17-vetting', { owner: 'Head of PSD', status: 'In progress' });
    // The store hands over a fresh copy of the whole report after a write.
    index.setReport(structuredClone(edited.report), structuredClone(edited.findings));
    expect(index.entry('f17-grievance')).toBe(untouched);
    expect(index.entry('f17-vetting')?.finding.tracking.owner).toBe('Head of PSD');
    // Owners sort before findings nobody owns.
    expect(ids(index.page({}, { by: 'owner', dir: 'asc' }, 0, 1).rows)).toEqual(['f17-vetting']);
    expect(index.page({ status: ['In progress'] }).total).toBe(1);
    expect(index.choices().owners).toEqual(['Head of PSD']);
  });

  it('follows a report imported, re-dated and deleted', () => {
    const docs = startingDocs();
    const index = indexOf(docs.slice(0, 2));
    expect(index.page().all).toBe(17);
    index.setReport(REPORT_2016, FINDINGS_2016);
    expect(ids(index.page({}, undefined, 0, 26).rows)).toEqual(rebuilt(docs, {}, { by: 'report', dir: 'asc' }));
    expect(index.reportsWithFindings().map((r) => r.period)).toEqual(['2016', '2017', '2018/19']);
    // The 2016 report re-dated to 2020 moves after the others.
    const redated = { ...REPORT_2016, period: '2020' };
    index.setReport(redated, FINDINGS_2016);
    expect(index.page({}, undefined, 0, 1).rows[0]?.finding.reportId).toBe(BOARD_PAPER_2017.id);
    expect(index.reportsWithFindings().map((r) => r.period)).toEqual(['2017', '2018/19', '2020']);
    index.removeReport(REPORT_2016.id);
    expect(index.page()).toMatchObject({ total: 17, all: 17 });
    expect(index.entry('f16-perceptions')).toBeUndefined();
  });

  it('works out overdue against today, so a register kept overnight is still right', () => {
    let today = TODAY;
    const docs = startingDocs();
    docs[1] = withTracking(docs[1]!, 'f17-grievance', { due: '2018-10-01', status: 'In progress' });
    const index = indexOf(docs, () => today);
    expect(index.page({ overdue: true }).total).toBe(0);
    today = '2018-10-02';
    const overdue = index.page({ overdue: true });
    expect(ids(overdue.rows)).toEqual(['f17-grievance']);
    expect(overdue.rows[0]?.overdue).toBe(true);
  });

  it('agrees with a full rebuild after any sequence of tracking edits, for any filter and sort', () => {
    const findingIds = [...FINDINGS_2016, ...FINDINGS_2017, ...FINDINGS_2018_19].map((f) => f.id);
    const edit = fc.record({
      id: fc.constantFrom(...findingIds),
      owner: fc.option(fc.constantFrom('Head of PSD', 'head of psd', 'Head of HR'), { nil: null }),
      status: fc.constantFrom(...FINDING_STATUSES),
      rag: fc.option(fc.constantFrom(...RAGS), { nil: null }),
      due: fc.option(fc.constantFrom('2018-01-31', '2018-08-31', '2018-12-31'), { nil: null }),
    });
    const filter: fc.Arbitrary<RegisterFilter> = fc.record(
      {
        status: fc.constantFrom(['In progress'], ['Closed', 'Superseded']),
        owner: fc.constantFrom(null, 'HEAD OF PSD'),
        rag: fc.constantFrom(null, ['Red', 'Amber']),
        overdue: fc.boolean(),
        text: fc.constantFrom('vetting', 'force should', 'head'),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<RegisterFilter>;
    const sort = fc.record({ by: fc.constantFrom(...REGISTER_SORT_KEYS), dir: fc.constantFrom('asc' as const, 'desc' as const) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), fc.array(sort, { minLength: 1, maxLength: 3 }), filter, (edits, sorts, chosen) => {
        let docs = startingDocs();
        const index = indexOf(docs);
        // Keep some orders and filtered orders alive through the edits, so they are moved row by row rather than rebuilt.
        for (const s of sorts) {
          index.page({}, s);
          index.page(chosen, s);
        }
        for (const e of edits) {
          const at = docs.findIndex((d) => d.findings.some((f) => f.id === e.id));
          docs = docs.map((d, i) => (i === at ? withTracking(d, e.id, { owner: e.owner, status: e.status, rag: e.rag, due: e.due }) : d));
          index.setReport(structuredClone(docs[at]!.report), structuredClone(docs[at]!.findings));
        }
        for (const s of sorts) {
          expect(ids(index.page({}, s, 0, 100).rows)).toEqual(rebuilt(docs, {}, s));
          expect(ids(index.page(chosen, s, 0, 100).rows)).toEqual(rebuilt(docs, chosen, s));
        }
        // The filter lists, kept as counts, say what a fresh count says (an owner's spelling may be either one typed).
        const lower = (c: ReturnType<RegisterIndex['choices']>) => ({ ...c, owners: c.owners.map((o) => o.toLowerCase()) });
        expect(lower(index.choices())).toEqual(lower(indexOf(docs).choices()));
      }),
      { numRuns: 60 },
    );
  });
});
