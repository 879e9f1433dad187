import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openAppCore, type AppCore } from '../../app';
import { downloadInstead } from '../../http/download';
import { reanchorAnnotations } from '../../services/annotations';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';

const tempDir = useTempDirs();
const FIXTURE = join(import.meta.dirname, '..', '..', '..', '..', 'tests', 'fixtures', 'peel-2016-legitimacy-web-report.txt');
/** The first sentence of a paragraph of the 2016 web report (line 56), as the officer would select it. */
const PASSAGE =
  'The joint professional standards department (PSD), which includes the anti-corruption unit (ACU) and vetting unit, is currently the subject of an improvement plan, resulting from the collapse of a serious gross misconduct court case due to concerns about the quality of the investigation.';

async function open(dir: string): Promise<AppCore> {
  return openAppCore(dir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
}

async function ok<K extends CallName>(core: AppCore, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function withReport(dir: string) {
  const core = await open(dir);
  const dataBase64 = (await readFile(FIXTURE)).toString('base64');
  const { id } = await ok(core, 'reports.import', { fileName: 'peel-2016-legitimacy-web-report.txt', dataBase64 });
  const { text } = await ok(core, 'reports.text', { id });
  const start = text.indexOf(PASSAGE);
  expect(start).toBeGreaterThan(0);
  return { core, id, text, start, end: start + PASSAGE.length };
}

describe('annotations', () => {
  it('anchors a selection in main’s copy of the text, trimming stray spaces, and keeps it after a restart', async () => {
    const dir = await tempDir();
    const { core, id, start, end } = await withReport(dir);
    const made = await ok(core, 'annotations.create', { reportId: id, start: start - 1, end: end + 1, note: 'Ask about the PSD plan', tags: ['interview', ' PSD ', 'Interview', ''], colour: 'green' });
    // The selection caught the line break before and the space after the passage.
    expect(made.anchor.quote).toBe(PASSAGE);
    expect(made.anchor).toMatchObject({ start, end, page: null });
    expect(made.tags).toEqual(['interview', 'PSD']);
    expect(made.prefix.endsWith('\n')).toBe(true);
    await core.close();

    const again = await open(dir);
    const { report } = await ok(again, 'reports.get', { id });
    const listed = await ok(again, 'annotations.list', {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: made.id, reportTitle: report.title, note: 'Ask about the PSD plan', colour: 'green' });
    await again.close();
  });

  it('refuses a selection outside the text or of spaces only, and an unknown report', async () => {
    const { core, id, text } = await withReport(await tempDir());
    expect(await core.dispatch('annotations.create', { reportId: id, start: text.length - 5, end: text.length + 10 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const blank = text.indexOf('\n\n');
    expect(await core.dispatch('annotations.create', { reportId: id, start: blank, end: blank + 2 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.dispatch('annotations.create', { reportId: 'no-such-report', start: 0, end: 5 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await core.close();
  });

  it('updates, filters, deletes and restores (undo) an annotation', async () => {
    const { core, id, text, start, end } = await withReport(await tempDir());
    const a = await ok(core, 'annotations.create', { reportId: id, start, end, note: 'PSD plan', tags: ['vetting'] });
    const vettingAt = text.indexOf('national guidelines for vetting');
    const b = await ok(core, 'annotations.create', { reportId: id, start: vettingAt, end: vettingAt + 31, note: 'Check the APP', tags: ['follow-up'], colour: 'pink' });

    const updated = await ok(core, 'annotations.update', { id: a.id, note: 'PSD improvement plan: ask for the action log', colour: 'blue' });
    expect(updated).toMatchObject({ note: 'PSD improvement plan: ask for the action log', colour: 'blue', tags: ['vetting'] });
    expect(updated.anchor).toEqual(a.anchor);

    expect((await ok(core, 'annotations.list', { reportId: id, colour: 'pink' })).map((x) => x.id)).toEqual([b.id]);
    expect((await ok(core, 'annotations.list', { tag: 'VETTING' })).map((x) => x.id)).toEqual([a.id]);
    expect((await ok(core, 'annotations.list', { text: 'action log' })).map((x) => x.id)).toEqual([a.id]);
    // The quoted passage counts as text too.
    expect((await ok(core, 'annotations.list', { text: 'national guidelines' })).map((x) => x.id)).toEqual([b.id]);
    // In text order.
    expect((await ok(core, 'annotations.list', { reportId: id })).map((x) => x.id)).toEqual(vettingAt < start ? [b.id, a.id] : [a.id, b.id]);

    const deleted = await ok(core, 'annotations.delete', { id: a.id });
    expect(deleted).toEqual(updated);
    expect((await ok(core, 'annotations.list', {})).map((x) => x.id)).toEqual([b.id]);
    expect(await core.dispatch('annotations.update', { id: a.id, note: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    expect(await ok(core, 'annotations.restore', { annotation: deleted })).toEqual(updated);
    expect((await ok(core, 'annotations.list', { reportId: id })).find((x) => x.id === a.id)).toMatchObject({ note: updated.note, anchor: a.anchor });
    await core.close();
  });

  it('refuses to restore an annotation whose passage is not in the report', async () => {
    const { core, id, start, end } = await withReport(await tempDir());
    const a = await ok(core, 'annotations.delete', { id: (await ok(core, 'annotations.create', { reportId: id, start, end })).id });
    const forged = { ...a, anchor: { ...a.anchor, quote: 'Nothing like this sentence appears anywhere in the 2016 report at all.' } };
    expect(await core.dispatch('annotations.restore', { annotation: forged })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.dispatch('annotations.restore', { annotation: { ...a, reportId: 'gone' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await core.close();
  });

  it('finds annotations again after the report’s text shifts (re-extraction)', async () => {
    const { core, id, text, start, end } = await withReport(await tempDir());
    const a = await ok(core, 'annotations.create', { reportId: id, start, end, note: 'PSD' });
    const sha256 = core.store.reportDoc(id)!.report.sha256;
    const shifted = `A new cover page read by a newer reader.\n\n${text}`;
    await core.store.replaceText({ sha256, text: shifted, pages: [] });

    const counts = await reanchorAnnotations(core.store, id);
    expect(counts).toEqual({ exact: 0, moved: 1, fuzzy: 0, lost: 0 });
    const [moved] = await ok(core, 'annotations.list', { reportId: id });
    expect(moved!.anchor.start).toBe(a.anchor.start + 42);
    expect(shifted.slice(moved!.anchor.start, moved!.anchor.end)).toBe(PASSAGE);

    // A second pass finds everything where it is and writes nothing.
    expect(await reanchorAnnotations(core.store, id)).toEqual({ exact: 1, moved: 0, fuzzy: 0, lost: 0 });
    await core.close();
  });
});
