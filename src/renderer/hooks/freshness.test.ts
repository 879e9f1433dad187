import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/api/contract';
import { TOPICS } from '../../shared/api/define';
import type { FindingDetail } from '../../shared/api/findings';
import { newTracking, type Finding } from '../../shared/domain/finding';
import type { Note } from '../../shared/domain/notes';
import type { RegisterPage } from '../../shared/domain/views';
import { effectOf, registerMoves, topicsMeet, type HeldRead, type Write } from './freshness';

const TODAY = '2018-09-01';
const names = Object.keys(contract) as CallName[];
const reads = names.filter((n) => !contract[n].writes);
const writes = names.filter((n) => contract[n].writes);

/** Writes that change no stored data: they write a file the officer chose. */
const FILE_ONLY = [
  'annotations.export',
  'evidence.open',
  'papers.export',
  'progressPapers.export',
  'register.export',
  'reminders.exportCalendar',
  'store.exportArchive',
  // Team working's own settings and the server's copy, not the store.
  'sync.disable',
  'sync.dismiss',
  'sync.preview',
];
/** Reads of something that is not stored (an import's progress, polled while it runs). */
const UNSTORED = ['reports.importProgress'];

function finding(id: string, tracking: Partial<Finding['tracking']> = {}): Finding {
  return {
    id,
    reportId: 'peel-2016',
    order: 0,
    manual: false,
    kind: 'area-for-improvement',
    text: 'The force should ensure that its supervisors can recognise and provide support with wellbeing.',
    leadIn: null,
    pillar: 'Legitimacy',
    question: null,
    carriedOver: false,
    anchor: null,
    tracking: { ...newTracking(), ...tracking },
  };
}

const page = (...findings: Finding[]): RegisterPage => ({
  rows: findings.map((f) => ({ finding: f, reportTitle: 'PEEL 2016', reportPeriod: '2016', reportRank: 0, questionKey: null, overdue: false, latestProgress: null })),
  offset: 0,
  total: findings.length,
  all: 26,
});

const update = (input: Record<string, unknown>, output: Finding): Write => ({ name: 'findings.update', input: { id: output.id, ...input }, output });
const held = (name: CallName, input: unknown = {}, data?: unknown): HeldRead => ({ name, input, data });

describe('the contract’s topics', () => {
  it('every write names what it changes, and only exports change nothing stored', () => {
    for (const name of writes) {
      expect(contract[name].topics.length, name).toBeGreaterThan(0);
      expect(TOPICS, name).toEqual(expect.arrayContaining([...contract[name].topics]));
      expect(contract[name].topics, `${name} moves the last-saved time`).toContain('store');
    }
    const changingNothing = writes.filter((n) => contract[n].topics.every((t) => t === 'store'));
    expect(changingNothing.sort()).toEqual([...FILE_ONLY].sort());
  });

  it('every read names what its answer depends on, from the known topics', () => {
    for (const name of reads) {
      expect(TOPICS, name).toEqual(expect.arrayContaining([...contract[name].topics]));
      if (!UNSTORED.includes(name)) expect(contract[name].topics.length, name).toBeGreaterThan(0);
    }
    expect(reads.filter((n) => contract[n].topics.length === 0)).toEqual(UNSTORED);
  });

  it('every stored change reaches app.status, whose last-saved time it moves', () => {
    for (const name of writes) expect(topicsMeet('app.status', name), name).toBe(true);
  });

  it('a tracking edit touches the register, the dashboard and a paper, but not notes, reports or settings', () => {
    const touched = reads.filter((r) => topicsMeet(r, 'findings.update'));
    expect(touched).toEqual(expect.arrayContaining(['findings.register', 'findings.dashboard', 'findings.get', 'papers.get', 'reports.get', 'search.query', 'app.status']));
    for (const untouched of ['notes.list', 'notes.tags', 'reports.list', 'settings.get', 'grades.history', 'papers.list', 'annotations.list']) {
      expect(touched, untouched).not.toContain(untouched);
    }
  });

  it('an import touches the reports list, the register and the grade history, not notes or settings', () => {
    const touched = reads.filter((r) => topicsMeet(r, 'reports.import'));
    expect(touched).toEqual(
      expect.arrayContaining(['reports.list', 'findings.register', 'findings.registerReports', 'findings.registerChoices', 'findings.dashboard', 'grades.history']),
    );
    expect(touched).not.toContain('notes.list');
    expect(touched).not.toContain('settings.get');
  });

  it('a settings change reaches what shows the officer’s name or the board, not the register', () => {
    const touched = reads.filter((r) => topicsMeet(r, 'settings.update'));
    expect(touched).toEqual(expect.arrayContaining(['settings.get', 'papers.get', 'findings.get']));
    expect(touched).not.toContain('findings.register');
  });
});

describe('what a tracking edit does to what the window holds', () => {
  const before = finding('f16-wellbeing');
  const owned = finding('f16-wellbeing', { owner: 'Head of HR' });

  it('patches the register row in place when the window’s filter and order cannot move it', () => {
    const effect = effectOf(update({ owner: 'Head of HR' }, owned), held('findings.register', { offset: 0, limit: 100 }, page(finding('other'), before)), TODAY);
    expect(effect?.refetch).toBe(false);
    expect((effect?.data as RegisterPage).rows[1]?.finding.tracking.owner).toBe('Head of HR');
    expect((effect?.data as RegisterPage).rows[0]?.finding.id).toBe('other');
  });

  it('leaves alone a window that does not hold the finding and cannot gain it', () => {
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('findings.register', { offset: 100 }, page(finding('other'))), TODAY)).toBeNull();
  });

  it('reads again a window filtered or sorted by what changed, after patching it', () => {
    const byStatus = held('findings.register', { filter: { status: ['Not started'] } }, page(before));
    const moved = effectOf(update({ status: 'In progress' }, finding('f16-wellbeing', { status: 'In progress' })), byStatus, TODAY);
    expect(moved).toMatchObject({ refetch: true });
    expect((moved?.data as RegisterPage).rows[0]?.finding.tracking.status).toBe('In progress');
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('findings.register', { sort: { by: 'owner', dir: 'asc' } }, page()), TODAY)).toEqual({
      data: undefined,
      refetch: true,
    });
    // The words filter looks in owners, progress and evidence.
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('findings.register', { filter: { text: 'hr' } }, page()), TODAY)?.refetch).toBe(true);
  });

  it('marks a patched row overdue against today', () => {
    const late = finding('f16-wellbeing', { due: '2018-06-30' });
    const effect = effectOf(update({ due: '2018-06-30' }, late), held('findings.register', {}, page(before)), TODAY);
    expect((effect?.data as RegisterPage).rows[0]?.overdue).toBe(true);
  });

  it('knows which register windows a change can move', () => {
    expect(registerMoves({}, ['owner'])).toBe(false);
    expect(registerMoves({ sort: { by: 'due', dir: 'asc' } }, ['due'])).toBe(true);
    expect(registerMoves({ filter: { overdue: true } }, ['status'])).toBe(true);
    expect(registerMoves({ filter: { rag: null } }, ['rag'])).toBe(true);
    expect(registerMoves({ filter: { kind: ['recommendation'] } }, ['rag', 'due'])).toBe(false);
    expect(registerMoves({ sort: { by: 'updated', dir: 'desc' } }, ['progress'])).toBe(true);
  });

  it('patches the open finding and its chain instead of reading them again', () => {
    const detail: FindingDetail = {
      finding: before,
      report: { reportId: 'peel-2016', reportTitle: 'PEEL 2016', reportPeriod: '2016', reportKind: 'inspection-report' },
      reference: '2016-AFI-01',
      supersededBy: null,
      chain: [{ id: before.id, reportId: 'peel-2016', reportTitle: 'PEEL 2016', reportPeriod: '2016', reportKind: 'inspection-report', kind: 'area-for-improvement', text: before.text, status: 'Not started' }],
      links: [],
    };
    const closed = finding('f16-wellbeing', { status: 'Closed' });
    const effect = effectOf(update({ status: 'Closed' }, closed), held('findings.get', { id: before.id }, detail), TODAY);
    expect(effect?.refetch).toBe(false);
    expect((effect?.data as FindingDetail).finding.tracking.status).toBe('Closed');
    expect((effect?.data as FindingDetail).chain[0]?.status).toBe('Closed');
  });

  it('reads the dashboard again, refreshes the filter lists only when an owner changed, and leaves notes alone', () => {
    expect(effectOf(update({ status: 'Closed' }, before), held('findings.dashboard'), TODAY)).toEqual({ refetch: true });
    expect(effectOf(update({ status: 'Closed' }, before), held('findings.registerChoices'), TODAY)).toBeNull();
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('findings.registerChoices'), TODAY)).toEqual({ refetch: true });
    // The report list (hundreds of titles) never follows tracking.
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('findings.registerReports'), TODAY)).toBeNull();
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('notes.list', {}, []), TODAY)).toBeNull();
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('reports.list', {}, []), TODAY)).toBeNull();
    expect(effectOf(update({ owner: 'Head of HR' }, owned), held('app.status'), TODAY)).toEqual({ refetch: true });
  });

  it('a progress update can move only windows that look at progress', () => {
    const write: Write = { name: 'findings.addProgress', input: { id: before.id, text: 'Training booked.' }, output: before };
    expect(effectOf(write, held('findings.register', { sort: { by: 'status', dir: 'asc' } }, page(before)), TODAY)?.refetch).toBe(false);
    expect(effectOf(write, held('findings.register', { sort: { by: 'updated', dir: 'asc' } }, page(before)), TODAY)?.refetch).toBe(true);
  });
});

describe('what a note saved as it is typed does', () => {
  const note: Note = {
    id: 'n1',
    text: 'Interview with the head of PSD',
    tags: ['interview'],
    reportId: null,
    question: null,
    findingId: null,
    createdAt: '2018-01-16T10:00:00.000Z',
    updatedAt: '2018-01-16T10:05:00.000Z',
  };
  const typed: Write = { name: 'notes.update', input: { id: 'n1', text: 'Interview with the head of PSD and the ACU' }, output: { ...note, text: 'Interview with the head of PSD and the ACU' } };

  it('patches the notes list unless it is filtered by words, and leaves the tag list and the register alone', () => {
    const list = effectOf(typed, held('notes.list', { limit: 200 }, [note]), TODAY);
    expect(list).toMatchObject({ refetch: false });
    expect((list?.data as Note[])[0]?.text).toBe('Interview with the head of PSD and the ACU');
    expect(effectOf(typed, held('notes.list', { text: 'acu' }, []), TODAY)).toEqual({ data: undefined, refetch: true });
    expect(effectOf(typed, held('notes.tags', {}, ['interview']), TODAY)).toBeNull();
    expect(effectOf(typed, held('findings.register', {}, page()), TODAY)).toBeNull();
    // Search finds notes by their words.
    expect(effectOf(typed, held('search.query', { q: 'acu' }, []), TODAY)).toEqual({ refetch: true });
  });

  it('refreshes the tag list when the tags changed', () => {
    const tagged: Write = { name: 'notes.update', input: { id: 'n1', tags: ['interview', 'PSD'] }, output: { ...note, tags: ['interview', 'PSD'] } };
    expect(effectOf(tagged, held('notes.tags', {}, ['interview']), TODAY)).toEqual({ refetch: true });
    expect(effectOf(tagged, held('notes.list', { tag: 'psd' }, []), TODAY)?.refetch).toBe(true);
  });
});
