import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain/finding';
import { filterRegister, isOverdue } from '../../shared/domain/register';
import type { RegisterRow } from '../../shared/domain/views';
import { buildRegister } from './register';
import { BOARD_PAPER_2017, FINDINGS_2016, FINDINGS_2017, FINDINGS_2018_19, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';
import { addProgress, applyTrackingPatch } from './tracking-update';

const BY = 'HMICFRS Liaison Officer';
const AT = '2018-02-01T10:00:00.000Z';

function tracked(f: Finding, { status, ...patch }: Parameters<typeof applyTrackingPatch>[1], progress?: string): Finding {
  // Closed and Superseded are reached through lifecycle steps (lifecycle.test.ts); here only the status matters.
  let tracking = applyTrackingPatch(f.tracking, status === 'Closed' || status === 'Superseded' ? patch : { ...patch, status }, BY, AT);
  if (status === 'Closed' || status === 'Superseded') tracking = { ...tracking, status };
  if (progress) tracking = addProgress(tracking, progress, BY, '2018-03-01T10:00:00.000Z', `${f.id}-p1`);
  return { ...f, tracking };
}

const findings: Finding[] = [...FINDINGS_2016, ...FINDINGS_2017, ...FINDINGS_2018_19].map((f) => {
  if (f.id === 'f17-vetting') {
    return tracked(f, { owner: 'Head of PSD', status: 'In progress', rag: 'Amber', due: '2018-12-31' }, 'Vetting backlog plan agreed.');
  }
  if (f.id === 'f17-grievance') return tracked(f, { owner: 'head of hr', status: 'In progress', rag: 'Red', due: '2018-06-30' });
  if (f.id === 'f17-use-of-force') return tracked(f, { owner: 'Head of PSD', status: 'Closed', rag: 'Green', due: '2018-03-31' });
  if (f.id === 'f16-rec-vetting') return tracked(f, { status: 'Superseded' });
  return f;
});

const TODAY = '2018-09-01';
const rows = buildRegister(findings, [REPORT_2018_19, BOARD_PAPER_2017, REPORT_2016], TODAY);
const ids = (list: RegisterRow[]): string[] => list.map((r) => r.finding.id);
const byReport = { by: 'report', dir: 'asc' } as const;

describe('buildRegister', () => {
  it('puts report title, period, latest progress and overdue beside each finding', () => {
    const vetting = rows.find((r) => r.finding.id === 'f17-vetting');
    expect(vetting).toMatchObject({ reportPeriod: '2017', overdue: false, latestProgress: { text: 'Vetting backlog plan agreed.' } });
    expect(rows.find((r) => r.finding.id === 'f17-grievance')?.overdue).toBe(true);
    // Closed by its date: not overdue.
    expect(rows.find((r) => r.finding.id === 'f17-use-of-force')?.overdue).toBe(false);
    expect(rows.find((r) => r.finding.id === 'f18-vetting')?.questionKey).toBe('legitimacy/ethical-lawful-workforce');
  });
});

describe('filterRegister', () => {
  it('keeps the report order by default sort, earliest report first', () => {
    const all = filterRegister(rows, {}, byReport, TODAY);
    expect(all).toHaveLength(26);
    expect(all[0]?.finding.id).toBe('f16-perceptions');
    expect(all[all.length - 1]?.finding.id).toBe('f18-counter-corruption');
  });

  it('filters by report, kind and question in any year’s wording', () => {
    expect(filterRegister(rows, { reportId: 'peel-2016', kind: 'recommendation' }, byReport, TODAY)).toHaveLength(4);
    const ethical = filterRegister(rows, { question: 'Ethical and lawful workforce behaviour' }, byReport, TODAY);
    // Seven 2016 findings under "How well does the force ensure that its workforce behaves ethically and lawfully?" and three in 2018/19.
    expect(ethical).toHaveLength(10);
    expect(filterRegister(rows, { pillar: 'efficiency' }, byReport, TODAY).map((r) => r.finding.id)).toEqual([
      'f18-hr-team',
      'f18-skills-strategy',
    ]);
  });

  it('filters by owner whatever its case, and finds findings nobody owns', () => {
    expect(ids(filterRegister(rows, { owner: 'HEAD OF HR' }, byReport, TODAY))).toEqual(['f17-grievance']);
    expect(filterRegister(rows, { owner: null }, byReport, TODAY)).toHaveLength(23);
  });

  it('filters by status, RAG and overdue against the given day', () => {
    expect(ids(filterRegister(rows, { status: ['In progress'] }, byReport, TODAY))).toEqual(['f17-vetting', 'f17-grievance']);
    expect(ids(filterRegister(rows, { rag: 'Red' }, byReport, TODAY))).toEqual(['f17-grievance']);
    expect(filterRegister(rows, { rag: null }, byReport, TODAY)).toHaveLength(23);
    expect(ids(filterRegister(rows, { overdue: true }, byReport, TODAY))).toEqual(['f17-grievance']);
    const later = filterRegister(rows, { overdue: true }, byReport, '2019-01-15');
    expect(ids(later)).toEqual(['f17-vetting', 'f17-grievance']);
    expect(later[0]?.overdue).toBe(true);
    expect(isOverdue(findings.find((f) => f.id === 'f16-rec-vetting')?.tracking ?? findings[0]!.tracking, TODAY)).toBe(false);
  });

  it('finds every word of the text filter across finding, progress and owner', () => {
    expect(ids(filterRegister(rows, { text: 'vetting' }, byReport, TODAY))).toEqual(['f16-rec-vetting', 'f17-vetting', 'f18-vetting']);
    expect(ids(filterRegister(rows, { text: 'backlog PLAN' }, byReport, TODAY))).toEqual(['f17-vetting']);
    expect(ids(filterRegister(rows, { text: 'workforce’s understanding' }, byReport, TODAY))).toEqual(['f16-rec-policies', 'f18-abuse-of-position']);
  });

  it('sorts by status, RAG and due date with empty values last either way', () => {
    const byDue = ids(filterRegister(rows, { owner: 'Head of PSD' }, { by: 'due', dir: 'asc' }, TODAY));
    expect(byDue).toEqual(['f17-use-of-force', 'f17-vetting']);
    const byRag = filterRegister(rows, {}, { by: 'rag', dir: 'asc' }, TODAY);
    expect(ids(byRag).slice(0, 3)).toEqual(['f17-grievance', 'f17-vetting', 'f17-use-of-force']);
    const byRagDesc = filterRegister(rows, {}, { by: 'rag', dir: 'desc' }, TODAY);
    expect(ids(byRagDesc).slice(0, 3)).toEqual(['f17-use-of-force', 'f17-vetting', 'f17-grievance']);
    expect(byRagDesc[byRagDesc.length - 1]?.finding.tracking.rag).toBeNull();
    const byStatus = filterRegister(rows, {}, { by: 'status', dir: 'desc' }, TODAY);
    expect(byStatus[0]?.finding.tracking.status).toBe('Superseded');
    expect(byStatus[1]?.finding.tracking.status).toBe('Closed');
  });
});
