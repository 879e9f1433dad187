import { describe, expect, it } from 'vitest';
import { newTracking, Tracking } from '../../shared/domain/finding';
import { AppError } from '../../shared/api/result';
import { addProgress, applyTrackingPatch } from './tracking-update';

const BY = 'C/Insp Chris Savage';
const AT = '2018-01-16T09:30:00.000Z';
const LATER = '2018-02-20T14:00:00.000Z';

describe('applyTrackingPatch', () => {
  it('records one history entry for each field that changed, old to new', () => {
    const before = newTracking();
    const after = applyTrackingPatch(
      before,
      { owner: 'Head of Professional Standards', status: 'In progress', rag: 'Amber', due: '2018-12-31' },
      BY,
      AT,
    );
    expect(after).toMatchObject({ owner: 'Head of Professional Standards', status: 'In progress', rag: 'Amber', due: '2018-12-31' });
    expect(after.history).toEqual([
      { at: AT, by: BY, field: 'owner', from: null, to: 'Head of Professional Standards' },
      { at: AT, by: BY, field: 'status', from: 'Not started', to: 'In progress' },
      { at: AT, by: BY, field: 'rag', from: null, to: 'Amber' },
      { at: AT, by: BY, field: 'due', from: null, to: '2018-12-31' },
    ]);
    expect(Tracking.parse(after)).toEqual(after);
    expect(before.history).toEqual([]);
  });

  it('leaves no trace for fields set to what they already were', () => {
    const first = applyTrackingPatch(newTracking(), { status: 'In progress', evidence: ['Vetting plan v1'] }, BY, AT);
    const second = applyTrackingPatch(first, { status: 'In progress', rag: 'Green', evidence: ['Vetting plan v1'] }, BY, LATER);
    expect(second.history).toHaveLength(3);
    expect(second.history[2]).toEqual({ at: LATER, by: BY, field: 'rag', from: null, to: 'Green' });
  });

  it('records evidence lists and clearing a field', () => {
    const first = applyTrackingPatch(newTracking(), { owner: 'DCC', evidence: ['Gold Group minutes'] }, BY, AT);
    const second = applyTrackingPatch(first, { owner: '   ', evidence: ['Gold Group minutes', '  ', 'Vetting backlog report'] }, BY, LATER);
    expect(second.owner).toBeNull();
    expect(second.evidence).toEqual(['Gold Group minutes', 'Vetting backlog report']);
    expect(second.history.slice(2)).toEqual([
      { at: LATER, by: BY, field: 'owner', from: 'DCC', to: null },
      { at: LATER, by: BY, field: 'evidence', from: ['Gold Group minutes'], to: ['Gold Group minutes', 'Vetting backlog report'] },
    ]);
  });

  it('sets Not started and In progress directly, and refuses statuses that need a lifecycle step', () => {
    const started = applyTrackingPatch(newTracking(), { status: 'In progress' }, BY, AT);
    expect(applyTrackingPatch(started, { status: 'Not started' }, BY, LATER).status).toBe('Not started');
    expect(() => applyTrackingPatch(started, { status: 'Closed' }, BY, LATER)).toThrow(/closed by sign-off: propose it for closure/);
    expect(() => applyTrackingPatch(started, { status: 'Proposed for closure' }, BY, LATER)).toThrow(/closure statement/);
    expect(() => applyTrackingPatch(started, { status: 'Superseded' }, BY, LATER)).toThrow(/later finding/);
    expect(() => applyTrackingPatch(started, { status: 'No further action' }, BY, LATER)).toThrow(/with a reason/);
    expect(() => applyTrackingPatch({ ...started, status: 'Closed' }, { status: 'In progress' }, BY, LATER)).toThrow(/reopen it/);
    expect(() => applyTrackingPatch({ ...started, status: 'Proposed for closure' }, { status: 'In progress' }, BY, LATER)).toThrow(/send it back/);
    // Saying what it already is changes nothing, even when the status is one set by a step.
    expect(applyTrackingPatch({ ...started, status: 'Closed' }, { status: 'Closed', owner: 'DCC' }, BY, LATER).owner).toBe('DCC');
  });

  it('refuses values the store would not accept', () => {
    expect(() => applyTrackingPatch(newTracking(), { due: '31/12/2018' }, BY, AT)).toThrow(AppError);
    expect(() => applyTrackingPatch(newTracking(), { status: 'Done' as never }, BY, AT)).toThrow(/tracking change is not valid/);
    expect(() => applyTrackingPatch(newTracking(), { rag: 'Blue' as never }, BY, AT)).toThrow(AppError);
    expect(() => applyTrackingPatch(newTracking(), { rag: 'Red' }, BY, 'yesterday')).toThrow(/time of the change/);
  });
});

describe('addProgress', () => {
  it('adds dated updates in time order', () => {
    let t = addProgress(newTracking(), 'Vetting backlog reduced to 120 cases.', BY, LATER, 'p2');
    t = addProgress(t, '  Plan agreed at the Organisational Improvement Group.  ', BY, AT, 'p1');
    expect(t.progress.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(t.progress[0]).toEqual({ id: 'p1', at: AT, on: '2018-01-16', by: BY, text: 'Plan agreed at the Organisational Improvement Group.' });
  });

  it('dates an update as asked, sorts by that date, and keeps when it was entered in the history', () => {
    // Typed in on 20 February about the meeting of 12 February; an update about 1 February entered later still comes first.
    let t = addProgress(newTracking(), 'Gold Group agreed the vetting plan.', BY, LATER, 'p-gold', { on: '2018-02-12' });
    t = addProgress(t, 'Backlog figures received.', BY, '2018-02-21T09:00:00.000Z', 'p-backlog', { on: '2018-02-01' });
    t = addProgress(t, 'Second item from the same meeting.', BY, '2018-02-22T09:00:00.000Z', 'p-gold-2', { on: '2018-02-12' });
    expect(t.progress.map((p) => [p.id, p.on])).toEqual([
      ['p-backlog', '2018-02-01'],
      ['p-gold', '2018-02-12'],
      ['p-gold-2', '2018-02-12'],
    ]);
    expect(t.history[0]).toEqual({ at: LATER, by: BY, field: 'progress', from: null, to: '2018-02-12', note: 'Gold Group agreed the vetting plan.' });
    expect(t.history.map((h) => h.at)).toEqual([LATER, '2018-02-21T09:00:00.000Z', '2018-02-22T09:00:00.000Z']);
  });

  it('names the author and who entered an update that came from an owner', () => {
    const t = addProgress(newTracking(), 'Training delivered to 40 sergeants.', 'Head of HR', AT, 'p1', {
      on: '2018-01-10',
      via: 'update request of 8 January 2018',
      enteredBy: BY,
    });
    expect(t.progress[0]).toMatchObject({ by: 'Head of HR', via: 'update request of 8 January 2018', on: '2018-01-10' });
    expect(t.history[0]).toMatchObject({ by: BY, field: 'progress', to: '2018-01-10' });
  });

  it('refuses a date that is not a date', () => {
    expect(() => addProgress(newTracking(), 'Update.', BY, AT, 'p1', { on: '12/02/2018' })).toThrow(/date of the progress update is not valid/);
  });

  it('refuses an empty update or a repeated id', () => {
    expect(() => addProgress(newTracking(), '   ', BY, AT, 'p1')).toThrow(/needs some text/);
    const t = addProgress(newTracking(), 'First update.', BY, AT, 'p1');
    expect(() => addProgress(t, 'Second update.', BY, LATER, 'p1')).toThrow(/already exists/);
  });
});
