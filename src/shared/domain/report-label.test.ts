import { describe, expect, it } from 'vitest';
import { reportLabel, reportLabels, type Labelled } from './report-label';

const TITLE = 'PEEL: Police effectiveness, efficiency and legitimacy 2018/19';
const base = { kind: 'inspection-report', force: 'Cambridgeshire Constabulary', period: '2018/19' } as const;
const text: Labelled = { ...base, id: 'a', title: TITLE, format: 'text', fileName: 'peel-2018-19.txt', importedAt: '2024-02-07T10:00:00Z' };
const pdf: Labelled = { ...base, id: 'b', title: TITLE, format: 'pdf', fileName: 'peel-2018-19.pdf', importedAt: '2024-02-07T11:00:00Z' };
const y2016: Labelled = { ...base, id: 'c', title: 'Cambridgeshire PEEL 2016', period: '2016', format: 'text' };

describe('report labels', () => {
  it('leave a title alone when no other report has it', () => {
    expect(reportLabels([text, y2016])).toEqual(new Map([['a', TITLE], ['c', 'Cambridgeshire PEEL 2016']]));
  });

  it('give force, period, kind and format where titles clash', () => {
    const labels = reportLabels([text, pdf, y2016]);
    expect(labels.get('a')).toBe(`${TITLE} — Cambridgeshire Constabulary · 2018/19 · inspection report · text`);
    expect(labels.get('b')).toBe(`${TITLE} — Cambridgeshire Constabulary · 2018/19 · inspection report · PDF`);
    expect(labels.get('c')).toBe('Cambridgeshire PEEL 2016');
  });

  it('add the file name, then the import date, when even those are alike', () => {
    const copy = { ...text, id: 'd', fileName: 'copy.txt' };
    expect(reportLabels([text, copy]).get('d')).toBe(`${TITLE} — Cambridgeshire Constabulary · 2018/19 · inspection report · text · copy.txt`);
    const again = { ...text, id: 'e', importedAt: '2024-03-01T09:00:00Z' };
    expect(reportLabels([text, again]).get('e')).toMatch(/· peel-2018-19\.txt · imported 1 March 2024$/);
  });

  it('read the period for a narrow column, told apart the same way', () => {
    const labels = reportLabels([text, pdf, y2016], 'period');
    expect(labels.get('a')).toBe('2018/19 — Cambridgeshire Constabulary · inspection report · text');
    expect(labels.get('c')).toBe('2016');
    expect(reportLabel(pdf, [text])).toBe(`${TITLE} — Cambridgeshire Constabulary · 2018/19 · inspection report · PDF`);
  });
});
