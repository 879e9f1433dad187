import { test, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppCore } from '../../../src/main/app';
import { downloadInstead } from '../../../src/main/http/download';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { ReaderPage } from '../pages/reader-page';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const SCREENS = 'test-results/screenshots';

/** Read from tests/fixtures/peel-2018-19-integrated-report.txt: the first AFI under "Preventing crime…" (line 220). */
const FIRST_AFI_2018 =
  'The force should monitor the effectiveness of its newly launched neighbourhood policing strategy and consistently hold staff to account for delivering effective performance outcomes.';
/** Line 854 of the same file, as the reader shows it: "[College of Policing](#)" and "[Flagstone records](#)" are links there. */
const FLAGSTONE_SENTENCE = 'The College of Policing requires the force to create Flagstone records to update barred and advisory lists.';
const NEXT_SENTENCE = 'These lists prevent people who have left the service under investigation, or whom the force has dismissed, from re-joining or working in law enforcement.';

const annotationText = (page: Page) =>
  page.getByTestId('source-text').locator('mark[data-kind="annotation"]').evaluateAll((marks) => marks.map((m) => m.textContent ?? '').join(''));

/** Every line of what the reader shows. */
const lines = (text: string) => text.split('\n').map((l) => l.trim());

test.use({ viewport: { width: 1366, height: 768 } });
// axe over the whole 2018/19 report (some thousands of elements) takes a minute on a busy two-core machine,
// so the states of the reader are checked on the smaller 2016 report, and the 2018/19 one once.
test.describe.configure({ timeout: 300_000 });

test('the 2018/19 report reads as a document; Ctrl+F finds in it; a sentence is annotated from the keyboard; a search hit opens at its passage', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await reader.openFromList(/2018\/19/);

  // A document, not markup: no heading hashes, bold tags or markers, link brackets or table pipes on screen.
  const shown = await reader.shownText();
  expect(shown).not.toMatch(/<\/?(b|sup)>|\*\*|\]\(#\)/);
  expect(lines(shown).filter((l) => l.startsWith('#') || l.startsWith('|'))).toEqual([]);
  expect(shown).toContain('In 2018/19, we adopted an integrated PEEL assessment (IPA) approach');
  const source = reader.sourceText();
  await expect(source.getByRole('heading', { name: 'Overall summary' })).toHaveCount(1);
  await expect(source.getByRole('heading', { name: 'Preventing crime and tackling anti-social behaviour' }).first()).toBeAttached();
  // The legitimacy rows of the overall summary (lines 117–119) as a table row by row.
  const summary = source.getByRole('table').filter({ hasText: 'Fair treatment of the public' });
  await expect(summary.getByRole('row')).toHaveText([/Legitimacy\s*Last inspected/, /Fair treatment of the public\s*Good\s*2017/, /Ethical and lawful workforce behaviour\s*Good\s*2018\/19/, /Fair treatment of the workforce\s*Good\s*2017/]);
  // An AFI chosen in the outline is highlighted exactly, word for word.
  await reader.finding(FIRST_AFI_2018).getByRole('button').first().click();
  await expect(reader.activeHighlight()).toHaveText(FIRST_AFI_2018);
  await expect(reader.activeHighlight()).toBeInViewport();
  expect(await app.seriousA11yViolations(), 'reader, 2018/19 report').toEqual([]);
  await page.screenshot({ path: `${SCREENS}/reader-document-1366.png` });

  // Ctrl+F from the text: "vetting" is in the report 12 times; Enter and Shift+Enter step, wrapping round.
  await source.focus();
  await page.keyboard.press('Control+f');
  const find = reader.findBox().getByRole('textbox', { name: 'Find in the report' });
  await expect(find).toBeFocused();
  await page.keyboard.type('vetting');
  await expect(reader.findCount()).toHaveText('1 of 12');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(reader.findCount()).toHaveText('3 of 12');
  await expect(source.locator('mark[data-find="current"]')).toHaveText(/^vetting$/i);
  await expect(source.locator('mark[data-find="current"]')).toBeInViewport();
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(reader.findCount()).toHaveText('12 of 12');
  await expect(source.locator('mark[data-find]')).toHaveCount(12);
  await page.screenshot({ path: `${SCREENS}/reader-find-1366.png` });
  await find.fill('Flagstone records');
  await expect(reader.findCount()).toHaveText('1 of 1');
  // Escape closes find, puts focus back in the text and leaves the match selected, as a browser does.
  await page.keyboard.press('Escape');
  await expect(reader.findBox()).toHaveCount(0);
  await expect(source).toBeFocused();
  await expect(source.locator('mark[data-find]')).toHaveCount(0);
  expect(await reader.selectedText()).toBe('Flagstone records');

  // From the keyboard: Alt+S takes the sentence around the selection, Ctrl+Shift+A annotates it.
  await page.keyboard.press('Alt+s');
  expect(await reader.selectedText()).toBe(FLAGSTONE_SENTENCE);
  await expect(reader.announcement()).toContainText(`Sentence selected: “${FLAGSTONE_SENTENCE}”, 17 words.`);
  await page.keyboard.press('Control+Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Annotate passage' });
  await expect(dialog.getByLabel('Selected passage')).toHaveText(FLAGSTONE_SENTENCE);
  await expect(dialog.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Ask vetting how many Flagstone records were made this year');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(source).toBeFocused();
  await expect.poll(() => annotationText(page)).toBe(FLAGSTONE_SENTENCE);

  // The caret is after the annotated sentence: move to the next one, select it, and make it a finding.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Alt+s');
  expect(await reader.selectedText()).toBe(NEXT_SENTENCE);
  // Shift+arrow keys change the selection: the full stop, then a word less at the end.
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await reader.selectedText()).toBe(NEXT_SENTENCE.slice(0, -1));
  await page.keyboard.press('Shift+Control+ArrowLeft');
  expect((await reader.selectedText()).trimEnd()).toBe('These lists prevent people who have left the service under investigation, or whom the force has dismissed, from re-joining or working in law');
  await expect(reader.announcement()).toContainText('Selected: “These lists prevent people');
  await page.keyboard.press('Alt+s');
  expect(await reader.selectedText()).toBe(NEXT_SENTENCE);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Annotate' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const addFinding = page.getByRole('button', { name: 'Add finding from selection' });
  await expect(addFinding).toBeFocused();
  await page.keyboard.press('Enter');
  const findingDialog = page.getByRole('dialog');
  await expect(findingDialog.getByLabel('Text')).toHaveValue(NEXT_SENTENCE);
  await page.keyboard.press('Escape');
  await expect(findingDialog).toHaveCount(0);
  await expect(addFinding).toBeFocused();

  // A search hit inside the text opens the reader at its passage, selected, with the caret there.
  const { reportId, start } = await page.evaluate(async () => {
    const token = sessionStorage.getItem('liaison-token') ?? '';
    const post = async (name: string, input: unknown) =>
      (
        await (
          await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ input }) })
        ).json()
      ).value;
    const reports = (await post('reports.list', {})) as Array<{ id: string; period: string | null }>;
    const id = reports.find((r) => r.period === '2018/19')!.id;
    const { text } = (await post('reports.text', { id })) as { text: string };
    return { reportId: id, start: text.indexOf('Flagstone records') };
  });
  // Text hits come from the search service; here the answer is given one, as it will give it.
  await page.route('**/api/search.query', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: unknown[] };
    const hit = { kind: 'report', id: reportId, reportId, reportTitle: null, title: 'PEEL 2018/19', snippet: '…create Flagstone records to update…', anchor: { start, end: start + 17 } };
    await route.fulfill({ response, json: { ok: true, value: [hit, ...body.value] } });
  });
  await page.getByRole('button', { name: 'All reports' }).click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Flagstone');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Flagstone records');
  await page.keyboard.press('Enter');
  const passage = source.locator('mark[data-kind="passage"]');
  await expect(passage).toHaveText('Flagstone records');
  await expect(passage).toBeInViewport();
  await expect(source).toBeFocused();
  expect(await reader.selectedText()).toBe('Flagstone records');
  await expect(reader.announcement()).toContainText('Opened at “Flagstone records”');
  await host.stop();
});

/**
 * The PDF report and what was read from it by hand (pdftotext -layout on tests/fixtures). To test another
 * PDF, change these: a finding and the page it is on, a sentence on another page that wraps over two
 * lines there, and a sentence to reach from the keyboard.
 */
const PDF = {
  file: 'peel-2016-legitimacy-report.pdf',
  pages: 4,
  finding: { text: 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.', page: 4, lines: 2 },
  onPage: { text: 'It has a good corporate communications strategy designed to build confidence and trust across the workforce, partners and the people who live and work in Cambridgeshire.', page: 2, lines: 2 },
  keyboard: { find: 'well-established personal development', sentence: 'The force has a well-established personal development review (PDR) process.', words: 10 },
  find: { query: 'wellbeing issues', count: 1, page: 4 },
};

test('a PDF: no markup, the page view with the finding highlighted on the page, a passage annotated from the page and from the keyboard, find', async ({ page }) => {
  const host = await startHost(await mkdtemp(join(tmpdir(), 'liaison-e2e-')));
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  const csp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  const pageNumber = page.getByTestId('pdf-page-number');
  await page.goto(host.openUrl);
  await page.getByTestId('import-input').setInputFiles(join(FIXTURES, PDF.file));
  await page.getByTestId('reports-table').getByRole('row').filter({ hasText: PDF.file }).click();
  await expect(reader.outline()).toBeVisible();

  const shown = await reader.shownText();
  expect(shown).not.toMatch(/<\/?b>|\*\*|\]\(#\)/);
  expect(lines(shown).filter((l) => l.startsWith('#') || l.startsWith('|') || l.startsWith('•'))).toEqual([]);
  // The finding's bullet on the PDF is a list item on screen, its words exactly.
  await expect(reader.sourceText().getByRole('listitem').filter({ hasText: PDF.finding.text })).toHaveText(PDF.finding.text);

  await reader.openPageView();
  await expect(pageNumber).toHaveText(`Page 1 of ${PDF.pages}`);
  await reader.finding(PDF.finding.text).getByRole('button').first().click();
  // The page view turns to the finding's page and marks its words, one box per line it takes there.
  await expect(pageNumber).toHaveText(`Page ${PDF.finding.page} of ${PDF.pages}`);
  const onPage = reader.pageView().locator('[data-active][data-kind="area-for-improvement"]');
  await expect(onPage.first()).toBeVisible();
  await expect(onPage).toHaveCount(PDF.finding.lines);
  await expect(reader.activeHighlight()).toHaveText(PDF.finding.text);
  expect(await app.seriousA11yViolations(), 'reader with the page view').toEqual([]);
  await page.screenshot({ path: `${SCREENS}/reader-page-view-1366.png` });

  // Select on another page, over a line break on the page: the same actions as a selection in the text.
  for (let n = PDF.finding.page; n > PDF.onPage.page; n -= 1) await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(pageNumber).toHaveText(`Page ${PDF.onPage.page} of ${PDF.pages}`);
  await expect(reader.pageView().getByTestId('pdf-text-layer').locator('span').first()).toBeAttached();
  await reader.selectOnPage(PDF.onPage.text);
  await page.getByRole('button', { name: 'Add finding from selection' }).click();
  await expect(page.getByRole('dialog').getByLabel('Text')).toHaveValue(PDF.onPage.text);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Nothing was added, so the passage is selected again (in the text) and Annotate takes it.
  const annotate = page.getByRole('button', { name: 'Annotate' });
  await expect(annotate).toBeEnabled();
  await reader.selectOnPage(PDF.onPage.text);
  await annotate.click();
  const dialog = page.getByRole('dialog', { name: 'Annotate passage' });
  await expect(dialog.getByLabel('Selected passage')).toHaveText(PDF.onPage.text);
  await dialog.getByLabel('Note').fill('Ask for the communications strategy');
  await dialog.getByRole('radio', { name: 'Blue' }).check();
  expect(await app.seriousA11yViolations(), 'annotate dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Save annotation' }).click();
  await expect(dialog).toHaveCount(0);
  // Annotate is disabled once the passage is annotated (the caret is after it), so focus goes to the text.
  await expect(annotate).toBeDisabled();
  await expect(reader.sourceText()).toBeFocused();
  // Highlighted in the text, exactly that sentence, and on the page over its lines.
  await expect.poll(() => annotationText(page)).toBe(PDF.onPage.text);
  await expect(reader.pageView().locator('[data-kind="annotation"]')).toHaveCount(PDF.onPage.lines);
  await page.screenshot({ path: `${SCREENS}/reader-page-annotation-1366.png` });

  // From the keyboard alone: find a phrase, Escape, Alt+S for its sentence, Ctrl+Shift+A, Ctrl+Enter.
  await page.keyboard.press('Control+f');
  await page.keyboard.type(PDF.keyboard.find);
  await expect(reader.findCount()).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(reader.sourceText()).toBeFocused();
  await page.keyboard.press('Alt+s');
  expect(await reader.selectedText()).toBe(PDF.keyboard.sentence);
  await expect(reader.announcement()).toContainText(`Sentence selected: “${PDF.keyboard.sentence}”, ${PDF.keyboard.words} words.`);
  await page.keyboard.press('Control+Shift+A');
  await expect(dialog.getByLabel('Selected passage')).toHaveText(PDF.keyboard.sentence);
  await page.keyboard.type('PDR quality check');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
  await expect(reader.sourceText()).toBeFocused();
  await expect.poll(() => annotationText(page)).toBe(PDF.onPage.text + PDF.keyboard.sentence);

  // On the Annotations tab: focus comes back to Edit after its dialog, and after Delete it stays in the panel for Ctrl+Z.
  await page.getByRole('tab', { name: 'Annotations' }).click();
  const list = page.getByTestId('annotations-list');
  const edit = list.getByRole('button', { name: 'Edit' }).first();
  await edit.click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(edit).toBeFocused();
  await list.getByRole('button', { name: 'Delete' }).last().click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first().getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Outline' }).click();

  // Find reaches the page view too.
  await page.keyboard.press('Control+f');
  await page.keyboard.type(PDF.find.query);
  await expect(reader.findCount()).toHaveText(`1 of ${PDF.find.count}`);
  await expect(pageNumber).toHaveText(`Page ${PDF.find.page} of ${PDF.pages}`);
  await expect(reader.pageView().locator('[data-kind="find-current"]').first()).toBeVisible();
  expect(await app.seriousA11yViolations(), 'reader, find open').toEqual([]);
  await page.screenshot({ path: `${SCREENS}/reader-page-find-1366.png` });
  await page.keyboard.press('Escape');
  expect(csp, 'no Content Security Policy violations').toEqual([]);
  await host.stop();
});

test('review: items the extractor was unsure of are listed first to check, with how each was found', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  // A store whose items carry how they were found and how sure the extractor was, as the extractor sets them.
  const core = await openAppCore(dataDir, { transport: 'http', saveFile: downloadInstead }, { skipDailyBackup: true });
  const name = 'peel-2016-legitimacy-web-report.txt';
  const imported = await core.dispatch('reports.import', { fileName: name, dataBase64: (await readFile(join(FIXTURES, name))).toString('base64') });
  if (!imported.ok) throw new Error(imported.error.message);
  const id = (imported.value as { id: string }).id;
  await core.store.updateReport(id, (draft) => {
    for (const j of draft.report.judgments) Object.assign(j, { foundBy: 'heading', confidence: 0.95 });
    for (const f of draft.findings) Object.assign(f, { foundBy: 'list', confidence: 0.9 });
    Object.assign(draft.report.judgments.find((j) => j.question?.startsWith('How well does the force ensure'))!, { foundBy: 'sentence', confidence: 0.55 });
    Object.assign(draft.findings.find((f) => f.text.startsWith('Annually'))!, { foundBy: 'sentence', confidence: 0.6 });
  });
  await core.close();

  const host = await startHost(dataDir);
  const app = new AppPage(page);
  const reader = new ReaderPage(page);
  await page.goto(host.openUrl);
  await reader.openFromList(/Cambridgeshire PEEL 2016/);
  const toCheck = reader.toCheck();
  await expect(toCheck.getByRole('heading')).toHaveText('To check (2)');
  const items = toCheck.getByTestId('to-check-item');
  await expect(items).toHaveText([
    /Grade\s*from a sentence · 55 % sure\s*How well does the force ensure that its workforce behaves ethically and lawfully\?: Requires improvement/,
    /AFI\s*from a sentence · 60 % sure\s*Annually, the force should produce a local counter-corruption strategic assessment/,
  ]);
  // Elsewhere in the outline each item says how it was found.
  await expect(reader.finding(/^.*supervisors can recognise/)).toContainText('from a list · 90 % sure');
  await expect(reader.finding(/Annually/)).toContainText('To check');
  expect(await app.seriousA11yViolations(), 'review with items to check').toEqual([]);
  await page.screenshot({ path: `${SCREENS}/reader-to-check-1366.png` });

  // Showing one in the source, then confirming it from the keyboard: focus moves to the next one.
  await items.first().getByRole('button').first().click();
  await expect(reader.activeHighlight().first()).toBeInViewport();
  await items.first().getByRole('button', { name: /^Mark as checked/ }).focus();
  await page.keyboard.press('Enter');
  await expect(toCheck.getByRole('heading')).toHaveText('To check (1)');
  await expect(items.first().getByRole('button', { name: /^Mark as checked: Annually/ })).toBeFocused();
  // Correcting the other one counts as checking it.
  await items.first().getByRole('button', { name: /^Edit/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Text').fill('Annually, the force should produce a counter-corruption strategic assessment and control strategy.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toCheck).toHaveCount(0);
  await host.stop();
});
