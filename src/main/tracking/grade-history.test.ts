import { describe, expect, it } from 'vitest';
import type { GradeLine } from '../../shared/domain/views';
import { gradeHistory } from './grade-history';
import { BOARD_PAPER_2017, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';
import { parsePeriod } from './periods';

const history = gradeHistory([REPORT_2018_19, BOARD_PAPER_2017, REPORT_2016]);

function line(key: string): GradeLine {
  const found = history.lines.find((l) => l.key === key);
  if (!found) throw new Error(`no line ${key}`);
  return found;
}

describe('gradeHistory', () => {
  it('orders the reports by the period they cover', () => {
    expect(history.columns.map((c) => c.period)).toEqual(['2016', '2017', '2018/19']);
    expect(history.columns[0]?.reportId).toBe('peel-2016');
  });

  it('follows the ethical and lawful question from requires improvement in 2016 to good', () => {
    const cells = line('legitimacy/ethical-lawful-workforce').cells;
    expect(cells.map((c) => c.grade)).toEqual(['Requires improvement', 'Good', 'Good']);
    // The board paper: "Assessed as good (an improvement on 2016)".
    expect(cells.map((c) => c.change)).toEqual(['first', 'improved', 'no-change']);
    expect(cells[1]?.comparedWith).toBe('2016');
    expect(cells[2]?.comparedWith).toBe('2017');
    expect(line('legitimacy/ethical-lawful-workforce').label).toBe('Ethical and lawful workforce behaviour');
  });

  it('shows a judgment carried over from 2017 as such, not as a fresh change', () => {
    const cells = line('legitimacy/fair-treatment-public').cells;
    expect(cells.map((c) => c.grade)).toEqual(['Good', 'Good', 'Good']);
    expect(cells[1]?.change).toBe('no-change');
    expect(cells[2]).toMatchObject({ carriedOver: true, lastInspected: '2017', change: 'not-comparable' });
    const soc = line('effectiveness/serious-organised-crime').cells[2];
    expect(soc).toMatchObject({ grade: 'Good', lastInspected: '2016', carriedOver: true, change: 'not-comparable' });
  });

  it('marks reports that did not judge a line', () => {
    const cells = line('efficiency/planning-for-the-future').cells;
    expect(cells.map((c) => c.present)).toEqual([false, false, true]);
    expect(cells[2]?.change).toBe('first');
  });

  it('puts the 2016 legitimacy overall grade on the legitimacy pillar line', () => {
    const cells = line('legitimacy').cells;
    expect(cells.map((c) => c.grade)).toEqual(['Good', null, 'Good']);
    expect(cells[2]).toMatchObject({ change: 'no-change', comparedWith: '2016' });
    expect(history.lines.some((l) => l.key === 'overall')).toBe(false);
  });

  it('lists lines pillar by pillar in the summary table order', () => {
    expect(history.lines.map((l) => l.key)).toEqual([
      'effectiveness',
      'effectiveness/preventing-crime',
      'effectiveness/investigating-crime',
      'effectiveness/protecting-vulnerable-people',
      'effectiveness/serious-organised-crime',
      'effectiveness/armed-policing',
      'efficiency',
      'efficiency/meeting-current-demands',
      'efficiency/planning-for-the-future',
      'legitimacy',
      'legitimacy/fair-treatment-public',
      'legitimacy/ethical-lawful-workforce',
      'legitimacy/fair-treatment-workforce',
    ]);
  });

  it('leaves out a supporting document whose report is present', () => {
    const report2017 = { ...REPORT_2016, id: 'peel-2017-legitimacy', period: '2017', judgments: REPORT_2016.judgments };
    const h = gradeHistory([REPORT_2016, report2017, BOARD_PAPER_2017]);
    expect(h.columns.map((c) => c.reportId)).toEqual(['peel-2016', 'peel-2017-legitimacy']);
  });

  it('reads periods in the forms reports use', () => {
    expect(parsePeriod('2018/19')).toEqual([2018, 2019]);
    expect(parsePeriod('PEEL 2021–22')).toEqual([2021, 2022]);
    expect(parsePeriod('08/12/2016')).toEqual([2016, 2016]);
    expect(parsePeriod('spring')).toBeNull();
  });
});
