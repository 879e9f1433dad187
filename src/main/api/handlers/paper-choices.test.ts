import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callFails, callOk } from '../../../../tests/helpers/dispatch';
import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { docxParagraphs } from '../../../../tests/fixtures/paper/docx-text';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { PaperDetail } from '../../../shared/api/papers';
import type { LogoImage } from '../../../shared/api/settings';
import type { CallName } from '../../../shared/api/contract';
import type { SaveOutcome } from '../../../shared/api/files';
import type { BoardPaper, Settings } from '../../../shared/domain/paper';
import { runsToText } from '../../../shared/domain/paper-markup';
import type { PaperModel, PaperParagraph } from '../../../shared/domain/paper-model';
import type { ReportDetail } from '../../../shared/api/reports';
import { openAppCore, type AppCore } from '../../app';
import { logoFile } from '../../services/board-papers';

const tempDir = useTempDirs();
const cores: AppCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()));
});

async function start() {
  const saved: Uint8Array[] = [];
  const core = await openAppCore(
    await tempDir(),
    {
      transport: 'ipc',
      saveFile: async (name, _mime, bytes): Promise<SaveOutcome> => {
        saved.push(bytes);
        return { status: 'saved', path: `/chosen/${name}` };
      },
    },
    { skipDailyBackup: true },
  );
  cores.push(core);
  const call = <T>(name: CallName, input: unknown) => callOk<T>(core.dispatch, name, input);
  const failure = (name: CallName, input: unknown) => callFails(core.dispatch, name, input);
  const importFixture = async (name: string) =>
    (await call<{ id: string }>('reports.import', { fileName: name, dataBase64: (await readFile(join(FIXTURES, name))).toString('base64') })).id;
  return { core, call, failure, saved, importFixture };
}

const paragraph = (model: PaperModel, key: string): PaperParagraph => model.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key)!;
const text = (model: PaperModel, key: string): string => runsToText(paragraph(model, key).runs);
const items = (p: PaperParagraph): string[] => (p.list?.groups ?? []).flatMap((g) => g.items.map(runsToText));

/** The pictures in a .docx, by part name. */
function docxMedia(docx: Uint8Array): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'docx-media-'));
  const file = join(dir, 'paper.docx');
  writeFileSync(file, docx);
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => n.startsWith('word/media/'));
  return new Map(names.map((n) => [n, execFileSync('unzip', ['-p', file, n])]));
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ETHICAL_2016 = 'How well does the force ensure that its workforce behaves ethically and lawfully?';

describe('overriding a derived paragraph', () => {
  it('rewords 4.2 and its list, shows it is overridden, warns when the grades change after, and goes back to the derived text', async () => {
    const { call, importFixture } = await start();
    const reportId = await importFixture('peel-2016-legitimacy-web-report.txt');
    const { id } = await call<BoardPaper>('papers.create', { reportId });
    const before = paragraph((await call<PaperDetail>('papers.get', { id })).model, '4.2');
    expect(before).toMatchObject({ origin: 'derived', basis: 'the grades', stale: null });
    // The derived text, with the list as "- " lines: the officer edits it where it stands.
    expect(before.defaultText).toContain(`- ${ETHICAL_2016} Assessed as **requiring improvement**.`);
    const mine = before.defaultText.replace('The overall judgment was reached', 'HMIC reached its overall judgment');
    const edited = paragraph((await call<PaperDetail>('papers.update', { id, paragraphs: { '4.2': mine } })).model, '4.2');
    expect(edited).toMatchObject({ origin: 'edited', stale: null });
    expect(runsToText(edited.runs)).toMatch(/^HMIC reached its overall judgment by assessing three sub-questions:/);
    expect(items(edited)).toContain(`${ETHICAL_2016} Assessed as requiring improvement.`);

    // A correction to a grade after the edit: the officer's wording stays, with the warning.
    const { report } = await call<ReportDetail>('reports.get', { id: reportId });
    const ethical = report.judgments.find((j) => j.question === ETHICAL_2016)!;
    await call('reports.updateJudgment', { id: reportId, judgmentId: ethical.id, changes: { grade: 'Good' } });
    const later = (await call<PaperDetail>('papers.get', { id })).model;
    expect(paragraph(later, '4.2')).toMatchObject({ origin: 'edited', stale: 'The grades changed after you edited 4.2.' });
    expect(items(paragraph(later, '4.2'))).toContain(`${ETHICAL_2016} Assessed as requiring improvement.`);
    // Other paragraphs were not edited, so nothing to warn about there.
    expect(paragraph(later, '4.4').stale).toBeNull();

    const back = paragraph((await call<PaperDetail>('papers.update', { id, paragraphs: { '4.2': null } })).model, '4.2');
    expect(back).toMatchObject({ origin: 'derived', stale: null });
    expect(items(back)).toContain(`${ETHICAL_2016} Assessed as good.`);
  });
});

describe('the quote in 4.1', () => {
  it('is the officer’s choice: HM Inspector’s words from the press release, the inspectorate’s summary, or none', async () => {
    const { call, importFixture } = await start();
    const reportId = await importFixture('peel-2016-legitimacy-web-report.txt');
    await importFixture('hmic-2016-legitimacy-press-release.txt');
    const { id } = await call<BoardPaper>('papers.create', { reportId });
    const detail = await call<PaperDetail>('papers.get', { id });
    const options = detail.quoteOptions;
    expect(options[0]).toMatchObject({ value: 'summary', label: 'The inspectorate’s summary' });
    // The press release's six quotes of HM Inspector Zoë Billingham.
    const hers = options.filter((o) => o.label === 'Zoë Billingham, in the press release');
    expect(hers).toHaveLength(6);
    const chosen = hers.find((o) => o.text.startsWith('We found that treating people fairly and respectfully'))!;

    const quoted = (await call<PaperDetail>('papers.update', { id, quote: chosen.value })).model;
    expect(text(quoted, '4.1')).toContain(`, with the following comments from Zoë Billingham “${chosen.text}”`);
    const none = (await call<PaperDetail>('papers.update', { id, quote: 'none' })).model;
    expect(text(none, '4.1')).toMatch(/gave an overall judgment of “good”\.$/);
    const summary = (await call<PaperDetail>('papers.update', { id, quote: 'summary' })).model;
    expect(text(summary, '4.1')).toContain(`, with the following comments “${options[0]!.text}”`);
    expect((await call<PaperDetail>('papers.get', { id })).paper.quote).toBe('summary');
  });
});

describe('the paper’s header', () => {
  it('carries the agenda item when one is given', async () => {
    const { call, saved, importFixture } = await start();
    const { id } = await call<BoardPaper>('papers.create', { reportId: await importFixture('peel-2016-legitimacy-web-report.txt') });
    expect((await call<PaperDetail>('papers.get', { id })).model.header.agendaItem).toBeUndefined();
    const { model } = await call<PaperDetail>('papers.update', { id, agendaItem: '4.0' });
    expect(model.header.agendaItem).toBe('4.0');
    await call('papers.export', { id });
    expect(docxParagraphs(saved[0]!)[0]?.text).toBe('Agenda Item: 4.0');
  });

  it('carries the force’s own logo: an SVG is drawn as a PNG, so none of its script, handlers or links reach Word', async () => {
    const { call, failure, saved, importFixture } = await start();
    const { id } = await call<BoardPaper>('papers.create', { reportId: await importFixture('peel-2016-legitimacy-web-report.txt') });
    const svg = await readFile(join(FIXTURES, 'force-logo.svg'));
    const settings = await call<Settings>('settings.setLogo', { fileName: 'force-logo.svg', dataBase64: svg.toString('base64') });
    expect(settings.logo).toMatchObject({ type: 'png', from: 'svg', fileName: 'force-logo.svg', height: 400 });
    // 120 × 140 drawn 400 high.
    expect(settings.logo?.width).toBe(343);
    const shown = await call<LogoImage>('settings.logo', {});
    const png = Buffer.from(shown.dataBase64, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.includes('alert')).toBe(false);
    expect(png.includes('example.invalid')).toBe(false);

    await call('papers.export', { id });
    const media = [...docxMedia(saved[0]!).values()];
    expect(media.map(sha)).toEqual([sha(png)]);
    expect(media.map(sha)).not.toContain(sha(await readFile(logoFile())));

    // Bad files are refused with the reason, and the logo stays as it was.
    const asPng = (bytes: Buffer | string) => ({ fileName: 'logo.png', dataBase64: Buffer.from(bytes).toString('base64') });
    expect(await failure('settings.setLogo', asPng('not a picture at all'))).toMatchObject({ code: 'unsupported-format', message: 'logo.png is not a PNG, JPEG or SVG image; nothing was changed.' });
    const tiny = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(await failure('settings.setLogo', asPng(tiny))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('1 × 1 pixels') });
    expect(await failure('settings.setLogo', { fileName: 'x.svg', dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect').toString('base64') })).toMatchObject({ code: 'unreadable' });
    expect(await failure('settings.setLogo', asPng(Buffer.alloc(3 * 1024 * 1024)))).toMatchObject({ code: 'invalid-input' });
    expect((await call<Settings>('settings.get', {})).logo?.fileName).toBe('force-logo.svg');

    // Back to the placeholder shield.
    await call('settings.clearLogo', {});
    expect(await call('settings.logo', {})).toBeNull();
    await call('papers.export', { id });
    expect([...docxMedia(saved[1]!).values()].map(sha)).toEqual([sha(await readFile(logoFile()))]);
  });
});
