import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain/finding';
import { dashboard } from './dashboard';
import { FINDINGS_2017 } from '../../../tests/fixtures/tracking/reports';
import { addProgress, applyTrackingPatch } from './tracking-update';
import { applyLifecycleStep } from './lifecycle';
import type { LifecycleStep } from '../../shared/domain/lifecycle-step';
import { BOARD_PAPER_2017 } from '../../../tests/fixtures/tracking/reports';

const BY = 'HMICFRS Liaison Officer';

function edit(f: Finding, at: string, patch: Parameters<typeof applyTrackingPatch>[1]): Finding {
  return { ...f, tracking: applyTrackingPatch(f.tracking, patch, BY, at) };
}
function step(f: Finding, at: string, lifecycle: LifecycleStep): Finding {
  return { ...f, tracking: applyLifecycleStep(f.tracking, lifecycle, { by: BY, at, today: at.slice(0, 10) }) };
}
function progress(f: Finding, at: string, text: string): Finding {
  return { ...f, tracking: addProgress(f.tracking, text, BY, at, `${f.id}-${at.slice(0, 10)}`) };
}

// The six AFIs of the 2017 legitimacy report (board paper of 16 January 2018), tracked through 2018.
const byId = new Map(FINDINGS_2017.map((f) => [f.id, f]));
const get = (id: string): Finding => byId.get(id) as Finding;

let useOfForce = edit(get('f17-use-of-force'), '2018-01-20T10:00:00.000Z', { owner: 'Head of PSD', status: 'In progress', rag: 'Amber', due: '2018-04-30' });
useOfForce = progress(useOfForce, '2018-02-14T10:00:00.000Z', 'External scrutiny panel now reviews use-of-force data.');
useOfForce = edit(useOfForce, '2018-03-01T10:00:00.000Z', { rag: 'Green', evidence: ['Scrutiny panel terms of reference'] });
useOfForce = step(useOfForce, '2018-03-05T10:00:00.000Z', { step: 'propose', statement: 'The panel has met twice and reviews use-of-force data.' });
useOfForce = step(useOfForce, '2018-03-12T10:00:00.000Z', { step: 'approve', approver: 'DCC Alec Wood', date: '2018-03-12', reason: 'Evidence seen at the Gold Group.' });

let vetting = edit(get('f17-vetting'), '2018-01-20T10:00:00.000Z', { owner: 'Head of PSD', status: 'In progress', rag: 'Red', due: '2018-12-31' });
vetting = progress(vetting, '2018-02-20T10:00:00.000Z', 'Vetting plan agreed with the alliance.');
vetting = progress(vetting, '2018-03-20T10:00:00.000Z', 'Backlog reduced.');

let grievance = edit(get('f17-grievance'), '2018-02-02T10:00:00.000Z', { owner: 'Head of HR', rag: 'Amber', due: '2018-03-31' });
grievance = step(grievance, '2018-05-05T10:00:00.000Z', { step: 'supersede', byFindingId: 'f1819-grievance' });

let complaints = edit(get('f17-complaint-leaflets'), '2018-02-02T10:00:00.000Z', { due: '2018-02-28', evidence: ['New leaflet, February 2018'] });
complaints = step(complaints, '2018-02-03T10:00:00.000Z', { step: 'propose', statement: 'Leaflets reprinted.', proposedBy: 'Head of PSD' });

const findings = [useOfForce, vetting, grievance, complaints, get('f17-ipcc-referral'), get('f17-assessments')];
const board = dashboard(findings, '2018-06-01', [BOARD_PAPER_2017]);

describe('dashboard', () => {
  it('counts open findings by status and by RAG', () => {
    expect(board).toMatchObject({ total: 6, open: 4, closed: 2 });
    expect(board.openByStatus).toEqual({
      'Not started': 2,
      'In progress': 1,
      'Proposed for closure': 1,
    });
    expect(board.openByRag).toEqual({ Red: 1, Amber: 0, Green: 0, 'Not rated': 3 });
    expect(board.withoutOwner).toBe(3);
  });

  it('lists what is overdue, most overdue first, leaving out what is discharged', () => {
    // The grievance AFI was due on 31 March but was superseded in May.
    expect(board.overdue.map((o) => [o.findingId, o.due, o.daysOverdue])).toEqual([['f17-complaint-leaflets', '2018-02-28', 93]]);
    const april = dashboard([grievance, complaints], '2018-04-15');
    expect(april.overdue).toHaveLength(1);
    expect(dashboard([complaints, { ...grievance, tracking: { ...grievance.tracking, status: 'In progress' } }], '2018-04-15').overdue.map((o) => [o.findingId, o.daysOverdue])).toEqual([
      ['f17-complaint-leaflets', 46],
      ['f17-grievance', 15],
    ]);
  });

  it('replays status changes and progress updates month by month', () => {
    expect(board.series).toEqual([
      { month: '2018-01', open: 6, closed: 0, progressUpdates: 0 },
      { month: '2018-02', open: 6, closed: 0, progressUpdates: 2 },
      { month: '2018-03', open: 5, closed: 1, progressUpdates: 1 },
      { month: '2018-04', open: 5, closed: 1, progressUpdates: 0 },
      { month: '2018-05', open: 4, closed: 2, progressUpdates: 0 },
      { month: '2018-06', open: 4, closed: 2, progressUpdates: 0 },
    ]);
  });

  it('counts what was closed this quarter, what waits for sign-off, and how long closing took', () => {
    expect(board.quarter).toEqual({ start: '2018-04-01', end: '2018-06-30' });
    // The use-of-force AFI was signed off on 12 March: last quarter.
    expect(board.closedThisQuarter).toBe(0);
    expect(dashboard(findings, '2018-03-31', [BOARD_PAPER_2017]).closedThisQuarter).toBe(1);
    // Proposed on 3 February, still waiting on 1 June: 118 days.
    expect(board.awaitingApproval).toEqual([
      expect.objectContaining({ findingId: 'f17-complaint-leaflets', proposedBy: 'Head of PSD', proposedOn: '2018-02-03', daysWaiting: 118 }),
    ]);
    // The board paper is dated 16 January 2018 and the AFI was signed off on 12 March 2018: 15 + 28 + 12 = 55 days.
    expect(board.timeToClose).toEqual([
      { reportId: BOARD_PAPER_2017.id, title: BOARD_PAPER_2017.title, period: '2017', findings: 6, closed: 1, medianDays: 55, meanDays: 55 },
    ]);
  });

  it('gives a single month when nothing has been tracked yet', () => {
    const untouched = dashboard(FINDINGS_2017, '2018-01-16');
    expect(untouched.series).toEqual([{ month: '2018-01', open: 6, closed: 0, progressUpdates: 0 }]);
    expect(untouched.overdue).toEqual([]);
  });
});
