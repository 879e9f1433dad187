import { describe, expect, it } from 'vitest';
import type { FindingLink } from '../../shared/domain/finding';
import { linkChains, suggestLinks } from './link-suggestions';
import { BOARD_PAPER_2017, FINDINGS_2016, FINDINGS_2017, FINDINGS_2018_19, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';

const findings = [...FINDINGS_2016, ...FINDINGS_2017, ...FINDINGS_2018_19];
const reports = [REPORT_2016, BOARD_PAPER_2017, REPORT_2018_19];
const pair = (s: { earlierId: string; laterId: string }): string => `${s.earlierId} → ${s.laterId}`;

function link(earlierId: string, laterId: string, state: FindingLink['state'] = 'confirmed'): FindingLink {
  return { id: `${earlierId}-${laterId}`, earlierId, laterId, state, score: 0.5, at: '2019-10-01T10:00:00.000Z' };
}

describe('suggestLinks', () => {
  const suggested = suggestLinks(findings, reports, []);
  const pairs = suggested.map(pair);

  it('links the 2016 vetting recommendation to the 2017 vetting AFI in the board paper', () => {
    expect(pairs).toContain('f16-rec-vetting → f17-vetting');
  });

  it('follows vetting and counter-corruption on into 2018/19', () => {
    expect(pairs).toContain('f17-vetting → f18-vetting');
    expect(pairs).toContain('f16-rec-vetting → f18-vetting');
    expect(pairs).toContain('f16-rec-capacity → f18-counter-corruption');
  });

  it('does not pair findings about different subjects', () => {
    // Nothing in 2016 is about grievances or use of force, and nothing later continues them.
    const unrelated = ['f17-grievance', 'f17-use-of-force', 'f17-complaint-leaflets'];
    expect(suggested.filter((s) => unrelated.includes(s.laterId) || unrelated.includes(s.earlierId))).toEqual([]);
    // Supervisors' wellbeing support (2016) is not the supervision of investigations (2018/19), though that one remains from 2017.
    expect(pairs).not.toContain('f16-wellbeing → f18-supervision');
    expect(pairs).not.toContain('f17-assessments → f18-hr-team');
  });

  it('only pairs an earlier report with a later one, never within a report', () => {
    const period = new Map(findings.map((f) => [f.id, f.reportId]));
    const order = ['peel-2016', 'board-2017', 'peel-2018-19'];
    for (const s of suggested) {
      expect(order.indexOf(period.get(s.earlierId) ?? '')).toBeLessThan(order.indexOf(period.get(s.laterId) ?? ''));
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(suggested.map((s) => s.score)).toEqual([...suggested.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('leaves out pairs already linked, whatever their state', () => {
    const existing = [link('f16-rec-vetting', 'f17-vetting', 'rejected'), link('f17-vetting', 'f18-vetting', 'confirmed')];
    const again = suggestLinks(findings, reports, existing).map(pair);
    expect(again).not.toContain('f16-rec-vetting → f17-vetting');
    expect(again).not.toContain('f17-vetting → f18-vetting');
    expect(again).toContain('f16-rec-vetting → f18-vetting');
  });

  it('does not pair reports of different forces', () => {
    const otherForce = { ...REPORT_2018_19, force: 'Norfolk Constabulary' };
    expect(suggestLinks(findings, [REPORT_2016, BOARD_PAPER_2017, otherForce], []).map(pair)).not.toContain(
      'f17-vetting → f18-vetting',
    );
  });
});

describe('linkChains', () => {
  it('strings confirmed links into chains from earliest to latest', () => {
    const chains = linkChains([
      link('f17-vetting', 'f18-vetting'),
      link('f16-rec-vetting', 'f17-vetting'),
      link('f16-rec-capacity', 'f18-counter-corruption'),
      link('f16-wellbeing', 'f17-assessments', 'rejected'),
      link('f16-standards', 'f18-abuse-of-position', 'suggested'),
    ]);
    expect(chains).toHaveLength(2);
    expect(chains).toContainEqual(['f16-rec-vetting', 'f17-vetting', 'f18-vetting']);
    expect(chains).toContainEqual(['f16-rec-capacity', 'f18-counter-corruption']);
  });

  it('gives each path of a split finding its own chain', () => {
    const chains = linkChains([link('a', 'b'), link('a', 'c'), link('c', 'd')]);
    expect(chains).toEqual([
      ['a', 'b'],
      ['a', 'c', 'd'],
    ]);
  });

  it('ends a chain rather than looping when links form a cycle', () => {
    expect(linkChains([link('a', 'b'), link('b', 'a')])).toEqual([['a', 'b']]);
  });
});
