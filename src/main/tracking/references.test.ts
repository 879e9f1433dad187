import { describe, expect, it } from 'vitest';
import type { Report } from '../../shared/domain/report';
import { FINDINGS_2016, FINDINGS_2018_19, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';
import { findingNumbers, findingReferences, reportLabels } from './references';

describe('finding references', () => {
  it('numbers each kind in the report’s order: the 2016 report’s four AFIs, its cause of concern and its recommendations', () => {
    const refs = findingReferences([REPORT_2016], FINDINGS_2016);
    expect(Object.fromEntries(FINDINGS_2016.map((f) => [f.id, refs.get(f.id)]))).toEqual({
      'f16-perceptions': '2016-AFI-01',
      'f16-strategic-assessment': '2016-AFI-02',
      'f16-standards': '2016-AFI-03',
      'f16-concern': '2016-CoC-01',
      'f16-rec-capacity': '2016-REC-01',
      'f16-rec-at-risk': '2016-REC-02',
      'f16-rec-vetting': '2016-REC-03',
      'f16-rec-policies': '2016-REC-04',
      // Listed last in the report, after the recommendations: the fourth AFI.
      'f16-wellbeing': '2016-AFI-04',
    });
    const refs1819 = findingReferences([REPORT_2018_19], FINDINGS_2018_19);
    expect([...refs1819.values()].sort()[0]).toBe('2018/19-AFI-01');
  });

  it('tells apart two reports of one period by import order, so a later import renames nothing', () => {
    const thematic: Report = { ...REPORT_2018_19, id: 'thematic-2018', title: 'Vetting thematic', importedAt: '2030-01-01T00:00:00.000Z' };
    const labels = reportLabels([thematic, REPORT_2018_19]);
    expect(labels.get(REPORT_2018_19.id)).toBe('2018/19');
    expect(labels.get('thematic-2018')).toBe('2018/19b');
    expect(reportLabels([{ ...REPORT_2016, period: null, published: 'February 2020' }]).get(REPORT_2016.id)).toBe('2020');
  });

  it('numbers a report’s findings alone as it numbers them among every report’s', () => {
    const all = findingReferences([REPORT_2016, REPORT_2018_19], [...FINDINGS_2016, ...FINDINGS_2018_19]);
    const alone = findingNumbers(FINDINGS_2018_19);
    expect(alone.size).toBe(FINDINGS_2018_19.length);
    for (const [id, number] of alone) expect(all.get(id)).toBe(`2018/19-${number}`);
  });
});
