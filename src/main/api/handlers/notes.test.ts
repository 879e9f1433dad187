import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore, type AppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';

const tempDir = useTempDirs();

const open = (dir: string) => openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });

async function ok<K extends CallName>(core: AppCore, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function importFixture(core: AppCore, name: string): Promise<string> {
  const dataBase64 = (await readFile(join(FIXTURES, name))).toString('base64');
  return (await ok(core, 'reports.import', { fileName: name, dataBase64 })).id;
}

describe('fieldwork notes', () => {
  it('creates, edits, lists newest first, deletes and restores notes, and keeps them after a restart', async () => {
    const dir = await tempDir();
    const core = await open(dir);
    const reportId = await importFixture(core, 'peel-2016-legitimacy-web-report.txt');
    const { findings } = await ok(core, 'reports.get', { id: reportId });
    const first = await ok(core, 'notes.create', { text: 'Interview with the head of PSD', tags: ['interview'], reportId });
    await new Promise((r) => setTimeout(r, 5));
    const second = await ok(core, 'notes.create', { text: '', tags: ['hot debrief'] });
    expect(second).toMatchObject({ text: '', reportId: null, question: null, findingId: null });

    const edited = await ok(core, 'notes.update', { id: second.id, text: 'Hot debrief: the lead inspector praised the vetting backlog work', findingId: findings[0]!.id });
    expect(edited).toMatchObject({ tags: ['hot debrief'], findingId: findings[0]!.id, createdAt: second.createdAt });
    expect(edited.updatedAt >= second.updatedAt).toBe(true);

    expect((await ok(core, 'notes.list', {})).map((n) => n.id)).toEqual([second.id, first.id]);
    expect((await ok(core, 'notes.list', { reportId })).map((n) => n.id)).toEqual([first.id]);
    expect((await ok(core, 'notes.list', { findingId: findings[0]!.id })).map((n) => n.id)).toEqual([second.id]);
    expect((await ok(core, 'notes.list', { tag: 'Interview' })).map((n) => n.id)).toEqual([first.id]);
    expect((await ok(core, 'notes.list', { text: 'vetting backlog' })).map((n) => n.id)).toEqual([second.id]);
    expect((await ok(core, 'notes.list', { limit: 1 })).map((n) => n.id)).toEqual([second.id]);
    const third = await ok(core, 'notes.create', { text: 'Focus group with response officers', tags: ['Interview', 'focus group'] });
    // The tag lists offer each tag once, whatever its case.
    expect(await ok(core, 'notes.tags', {})).toEqual(['focus group', 'hot debrief', 'interview']);
    await ok(core, 'notes.delete', { id: third.id });

    expect(await core.dispatch('notes.update', { id: first.id, reportId: 'no-such-report' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await core.dispatch('notes.create', { text: 'x', findingId: 'no-such-finding' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const deleted = await ok(core, 'notes.delete', { id: first.id });
    expect(deleted.text).toBe('Interview with the head of PSD');
    expect((await ok(core, 'notes.list', {})).map((n) => n.id)).toEqual([second.id]);
    expect(await core.dispatch('notes.delete', { id: first.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ok(core, 'notes.restore', { note: deleted })).toEqual(deleted);
    await core.close();

    const again = await open(dir);
    const notes = await ok(again, 'notes.list', {});
    expect(notes).toEqual([edited, deleted]);
    await again.close();
  });

  it('restores a note whose report was deleted since, without the broken link', async () => {
    const core = await open(await tempDir());
    const reportId = await importFixture(core, 'hmic-2016-legitimacy-press-release.txt');
    const note = await ok(core, 'notes.delete', { id: (await ok(core, 'notes.create', { text: 'Press release', reportId })).id });
    await ok(core, 'reports.delete', { id: reportId });
    expect(await ok(core, 'notes.restore', { note })).toMatchObject({ id: note.id, text: 'Press release', reportId: null });
    await core.close();
  });
});

describe('search', () => {
  it('finds a note by a word in it, and by its first letters as the officer types', async () => {
    const core = await open(await tempDir());
    await importFixture(core, 'peel-2016-legitimacy-web-report.txt');
    const note = await ok(core, 'notes.create', { text: 'Reality testing at Parkside: officers unsure how vetting appeals work', tags: ['reality testing'] });
    const byWord = await ok(core, 'search.query', { q: 'parkside' });
    expect(byWord.map((h) => [h.kind, h.id])).toEqual([['note', note.id]]);
    expect(byWord[0]!.snippet).toContain('Parkside');

    const typing = await ok(core, 'search.query', { q: 'vett', kinds: ['note'] });
    expect(typing.map((h) => h.id)).toEqual([note.id]);
    // The 2016 report's findings on vetting come up too, each with its report.
    const all = await ok(core, 'search.query', { q: 'vet', limit: 50 });
    const findings = all.filter((h) => h.kind === 'finding');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((h) => h.reportId && h.reportTitle && /vetting/i.test(h.snippet))).toBe(true);
    await core.close();
  });

  it('stays current: an edited note is found by its new words only, a deleted one not at all, new annotations at once', async () => {
    const core = await open(await tempDir());
    const reportId = await importFixture(core, 'peel-2016-legitimacy-web-report.txt');
    const note = await ok(core, 'notes.create', { text: 'Focus group with response officers' });
    expect((await ok(core, 'search.query', { q: 'response' })).some((h) => h.id === note.id)).toBe(true);

    await ok(core, 'notes.update', { id: note.id, text: 'Focus group with neighbourhood sergeants' });
    expect((await ok(core, 'search.query', { q: 'sergeants' })).map((h) => h.id)).toEqual([note.id]);
    expect((await ok(core, 'search.query', { q: 'response officers', kinds: ['note'] })).map((h) => h.id)).toEqual([]);

    const { text } = await ok(core, 'reports.text', { id: reportId });
    const at = text.indexOf('national guidelines for vetting');
    const a = await ok(core, 'annotations.create', { reportId, start: at, end: at + 31, note: 'Ask Zoë about the backlog', tags: ['gold-group'] });
    expect((await ok(core, 'search.query', { q: 'zoe backlog' })).map((h) => [h.kind, h.id])).toEqual([['annotation', a.id]]);
    await ok(core, 'annotations.update', { id: a.id, note: 'Raised at the Gold Group' });
    expect((await ok(core, 'search.query', { q: 'backlog', kinds: ['annotation'] })).map((h) => h.id)).toEqual([]);

    await ok(core, 'notes.delete', { id: note.id });
    await ok(core, 'annotations.delete', { id: a.id });
    expect((await ok(core, 'search.query', { q: 'sergeants' })).map((h) => h.id)).toEqual([]);
    expect((await ok(core, 'search.query', { q: 'gold group', kinds: ['annotation'] })).map((h) => h.id)).toEqual([]);

    await ok(core, 'reports.delete', { id: reportId });
    expect(await ok(core, 'search.query', { q: 'vetting' })).toEqual([]);
    await core.close();
  });
});
