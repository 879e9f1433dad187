import { test, expect, type Download, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { FindingsPage } from '../pages/findings-page';
import { PapersPage } from '../pages/papers-page';
import { ReaderPage } from '../pages/reader-page';
import { SignOff } from '../pages/sign-off';
import { UpdateRequests } from '../pages/update-requests';

// The 2016 report's four areas for improvement, as tests/fixtures/peel-2016-legitimacy-web-report.txt words them (lines 44, 64, 65, 93).
const AFI_1 = 'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions';
const AFI_2 = 'Annually, the force should produce a local counter-corruption strategic assessment and control strategy';
const AFI_3 = 'The force should improve how it clarifies and reinforces standards of behaviour';
const AFI_4 = 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues';
/** Published 8 December 2016 (the report's own date line). */
const PUBLISHED_2016 = Date.UTC(2016, 11, 8);
const SHOTS = 'test-results/screenshots';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
/** A day counted from today, in the forms the app reads and shows. */
function day(offset: number) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return {
    typed: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`,
    words: `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`,
    iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    utc: Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()),
    excel: new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())),
  };
}

async function saved(download: Download, dir: string, name = download.suggestedFilename()): Promise<string> {
  const path = join(dir, name);
  await download.saveAs(path);
  return path;
}

/** A .docx or .xlsx as LibreOffice prints it: the PDF's text, and its first page as a PNG for looking at. */
function asPdf(file: string, dir: string, shot: string): string {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, `${SHOTS}/${shot}`]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Fills a returned workbook as an owner would in Excel: the yellow columns of the rows given, by reference. */
async function ownerFills(path: string, rows: Record<string, { update?: string; on?: Date; status?: string; due?: Date; evidence?: string }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Findings')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (name: string) => header.indexOf(name);
  sheet.eachRow((row, n) => {
    const fill = n > 1 ? rows[String(row.getCell(col('Reference')).value)] : undefined;
    if (!fill) return;
    if (fill.update) row.getCell(col('Progress update')).value = fill.update;
    if (fill.on) row.getCell(col('Update date')).value = fill.on;
    if (fill.status) row.getCell(col('New status')).value = fill.status;
    if (fill.due) row.getCell(col('New target date')).value = fill.due;
    if (fill.evidence) row.getCell(col('Evidence')).value = fill.evidence;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function noSeriousViolations(app: AppPage, what: string): Promise<void> {
  expect(await app.seriousA11yViolations(), what).toEqual([]);
}

async function openPanel(findings: FindingsPage, text: string): Promise<Locator> {
  if (await findings.panel().count()) await findings.closePanel();
  return findings.openFinding(text);
}

test('the officer’s loop: sign-off, the dashboard, Due soon and reminders, an update request returned and applied, a progress paper', async ({ page }) => {
  test.setTimeout(420_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const outDir = await mkdtemp(join(tmpdir(), 'liaison-closure-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  const findings = new FindingsPage(page);
  const requests = new UpdateRequests(page);
  const today = day(0);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await app.open('Findings');

  await test.step('propose a finding for closure with a statement and an evidence file, and approve it with a named approver', async () => {
    const panel = await openPanel(findings, AFI_4);
    await findings.track(panel, { owner: 'Head of HR', status: 'In progress' });
    const signOff = new SignOff(page, panel);
    // Without evidence there is nothing for the approver to check: the dialog says so and will not propose.
    let dialog = await signOff.openStep('Propose for closure…', 'Propose for closure');
    await expect(dialog.getByRole('alert')).toHaveText(/Attach an evidence file or name the evidence first/);
    await dialog.getByLabel(/^Closure statement/).fill('Done.');
    await expect(dialog.getByRole('button', { name: 'Propose for closure' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await panel.getByTestId('evidence-input').setInputFiles({
      name: 'Wellbeing training register.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    const files = panel.getByRole('table', { name: 'Evidence files' });
    await expect(files).toContainText('Wellbeing training register.pdf');
    await expect(files).toContainText(today.words);

    dialog = await signOff.openStep('Propose for closure…', 'Propose for closure');
    await noSeriousViolations(app, 'Propose for closure dialog');
    await page.keyboard.press('Escape');
    await signOff.propose('Wellbeing training delivered to every sergeant and inspector; the register of attendance is attached.');
    await expect(signOff.box()).toContainText(`Proposed for closure by Head of HR on ${today.words}, awaiting sign-off:`);
    await expect(panel.getByLabel('Status')).toHaveValue('Proposed for closure');

    dialog = await signOff.openStep('Approve closure…', 'Approve closure');
    await signOff.fillApproval(dialog, 'DCC Alan Baldwin', 'Evidence seen at the HMICFRS Gold Group.');
    await noSeriousViolations(app, 'Approve closure dialog');
    await page.screenshot({ path: `${SHOTS}/closure-approve.png` });
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Close the finding' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(signOff.box()).toContainText(`Closed on ${today.words}, approved by DCC Alan Baldwin: Evidence seen at the HMICFRS Gold Group.`);
    await expect(signOff.box().getByRole('button', { name: 'Reopen…' })).toBeVisible();

    // The history records both steps with their words.
    const history = panel.getByTestId('history-table');
    await expect(history).toContainText('In progress → Proposed for closure');
    await expect(history).toContainText('Wellbeing training delivered to every sergeant and inspector');
    await expect(history).toContainText('Proposed for closure → Closed');
    await expect(history).toContainText(`Approved by DCC Alan Baldwin on ${today.words}: Evidence seen at the HMICFRS Gold Group.`);
    await signOff.box().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/closure-signed-off.png` });
  });

  await test.step('a second finding waits for sign-off; two more get owners and target dates', async () => {
    let panel = await openPanel(findings, AFI_3);
    await findings.track(panel, { owner: 'Head of HR', status: 'In progress' });
    await panel.getByLabel('Name a piece of evidence').fill('Code of Ethics briefing slides, October');
    await panel.getByLabel('Name a piece of evidence').press('Enter');
    await expect(panel.getByText('Code of Ethics briefing slides, October', { exact: true })).toBeVisible();
    await new SignOff(page, panel).propose('Standards of behaviour briefed to all frontline teams.');

    panel = await openPanel(findings, AFI_2);
    await findings.track(panel, { owner: 'Head of Crime', due: day(20).typed });
    panel = await openPanel(findings, AFI_1);
    await findings.track(panel, { owner: 'Head of Crime', due: day(50).typed });
    await findings.closePanel();
  });

  await test.step('the dashboard: closed this quarter, awaiting approval, time to close per inspection', async () => {
    await findings.tab('Dashboard').click();
    const dashboard = page.getByTestId('dashboard');
    await expect(dashboard.getByTestId('closed-this-quarter')).toHaveText('1');
    await expect(dashboard.getByRole('group', { name: 'Awaiting approval' })).toContainText('1');
    const awaiting = dashboard.getByRole('table', { name: /Proposed for closure, awaiting approval \(1\)/ });
    await expect(awaiting).toContainText(AFI_3);
    await expect(awaiting).toContainText('Head of HR');
    const timeToClose = dashboard.getByRole('table', { name: 'Time to close, per inspection' });
    const days = Math.round((today.utc - PUBLISHED_2016) / 86_400_000);
    const row2016 = timeToClose.getByRole('row', { name: /^2016 · Cambridgeshire PEEL 2016/ });
    await expect(row2016.getByRole('cell')).toHaveText(['2016 · Cambridgeshire PEEL 2016', '1 of 9', `${days} days`, `${days} days`]);
    await noSeriousViolations(app, 'Dashboard');
  });

  await test.step('Due soon, the reminder banner’s Open and Snooze, and the target dates as an Outlook calendar', async () => {
    // One finding falls due within the 45-day notice period; the banner says so on every screen.
    const banner = page.getByTestId('reminder-banner');
    await expect(banner).toContainText('Reminder: 1 due within 45 days');
    await expect(banner).toContainText(`2016-AFI-02 (Head of Crime), due ${day(20).words}`);
    await banner.getByRole('button', { name: 'Open' }).click();
    const due = page.getByTestId('due-soon');
    await expect(page.getByRole('tab', { name: 'Due soon' })).toHaveAttribute('aria-selected', 'true');
    await expect(due.getByRole('status')).toHaveText('1 finding: 0 overdue, 1 due soon.');
    await due.getByRole('combobox', { name: 'Due within' }).selectOption('60');
    await expect(due.getByRole('status')).toHaveText('2 findings: 0 overdue, 2 due soon.');
    const crime = due.getByRole('table', { name: 'Due for Head of Crime' });
    await expect(crime.getByRole('row')).toHaveCount(3);
    await expect(crime.getByRole('row').nth(1)).toContainText('2016-AFI-02');
    await expect(crime.getByRole('row').nth(1)).toContainText('in 20 days');
    await expect(crime.getByRole('row').nth(2)).toContainText('2016-AFI-01');
    await noSeriousViolations(app, 'Due soon');
    await page.screenshot({ path: `${SHOTS}/due-soon.png` });

    // One owner's dates as .ics, read back by a real iCalendar parser.
    await due.getByRole('combobox', { name: 'Calendar for' }).selectOption('Head of Crime');
    const [download] = await Promise.all([page.waitForEvent('download'), due.getByRole('button', { name: 'Export target dates to Outlook (.ics)' }).click()]);
    const calendar = new ICAL.Component(ICAL.parse(await readFile(await saved(download, outDir), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.startDate.toString(), e.summary.split(':')[0]])).toEqual([
      [day(20).iso, '2016-AFI-02 due'],
      [day(50).iso, '2016-AFI-01 due'],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    expect(calendar.getAllSubcomponents('vevent').every((e) => e.getFirstSubcomponent('valarm') !== null)).toBe(true);

    // Snooze hides the reminder until tomorrow.
    await banner.getByRole('button', { name: 'Snooze for a day' }).click();
    await expect(banner).toBeHidden();
  });

  await test.step('an update request for one owner, filled in as the owner would, applied through the review screen', async () => {
    const dialog = await requests.openRequest();
    await expect(dialog.getByRole('combobox', { name: 'For' }).locator('option', { hasText: 'Head of Crime' })).toHaveText('Head of Crime (2 open findings)');
    await noSeriousViolations(app, 'Ask owners for updates dialog');
    await page.keyboard.press('Escape');
    const workbookPath = await saved(await requests.request('xlsx', 'Head of Crime'), outDir, 'request.xlsx');
    const printed = asPdf(workbookPath, outDir, 'update-request-xlsx');
    expect(printed).toContain('Update request: HMICFRS inspection findings');
    expect(printed).toContain('To: Head of Crime');
    expect(printed).toMatch(/Please return by: \d{1,2} [A-Z][a-z]+ 20\d\d/);
    const docx = await saved(await requests.request('docx', 'Head of Crime'), outDir, 'request.docx');
    expect(asPdf(docx, outDir, 'update-request-docx')).toContain('2016-AFI-02 — Head of Crime');

    // The owner writes two updates; one asks for a later target date.
    const returned = await ownerFills(workbookPath, {
      '2016-AFI-02': { update: 'Strategic assessment drafted; it goes to the Gold Group in January.', on: day(-3).excel, status: 'In progress' },
      '2016-AFI-01': { update: 'Public perception survey commissioned from the university.', on: day(-2).excel, due: day(120).excel },
    });
    // Meanwhile the officer moves AFI-01's target date in the app: the returned date now conflicts with it.
    const panel = await openPanel(findings, AFI_1);
    await findings.track(panel, { due: day(90).typed });
    await findings.closePanel();

    const review = await requests.review([
      { name: 'returned by Head of Crime.xlsx', buffer: returned },
      { name: 'minutes.xlsx', buffer: Buffer.from('Minutes of the Gold Group, not a workbook') },
    ]);
    await expect(review.getByRole('region', { name: 'minutes.xlsx' })).toContainText(/cannot be used/);
    const ready = requests.row(review, '2016-AFI-02');
    await expect(ready).toContainText('Strategic assessment drafted');
    await expect(ready).toContainText('Status: Not started → In progress');
    await expect(ready).toContainText('Ready');
    await expect(ready.getByRole('checkbox', { name: 'Apply 2016-AFI-02' })).toBeChecked();
    const conflict = requests.row(review, '2016-AFI-01');
    await expect(conflict).toContainText(`Target date: ${day(90).words} → ${day(120).words}`);
    await expect(conflict).toContainText(
      `Conflict: The target date was changed since the request was sent (${day(50).words} → ${day(90).words} on ${today.words} by Jane Smith).`,
    );
    await expect(conflict.getByRole('checkbox', { name: 'Apply 2016-AFI-01' })).not.toBeChecked();
    await noSeriousViolations(app, 'Review of returned updates');
    await page.screenshot({ path: `${SHOTS}/apply-returns.png` });

    // Row by row from the keyboard: untick and tick the ready row; "Accept all" leaves the conflict alone.
    await ready.getByRole('checkbox', { name: 'Apply 2016-AFI-02' }).focus();
    await page.keyboard.press('Space');
    await expect(review.getByRole('button', { name: 'Apply 0 rows' })).toBeDisabled();
    await review.getByRole('button', { name: 'Accept all' }).focus();
    await page.keyboard.press('Enter');
    await expect(ready.getByRole('checkbox', { name: 'Apply 2016-AFI-02' })).toBeChecked();
    await expect(conflict.getByRole('checkbox', { name: 'Apply 2016-AFI-01' })).not.toBeChecked();
    await review.getByRole('button', { name: 'Apply 1 row' }).focus();
    await page.keyboard.press('Enter');
    // Found by its markup, not by role: after the apply the accessibility tree was seen without this dialog
    // in a long run (left to investigate; see the closing note of issue 12).
    const outcome = page.locator('[role=dialog]').filter({ hasText: '1 row applied' });
    await expect(outcome).toContainText('1 row applied');
    await outcome.locator('button', { hasText: 'Close' }).click();

    const applied = await openPanel(findings, AFI_2);
    await expect(applied.getByLabel('Status')).toHaveValue('In progress');
    await expect(applied.getByRole('list', { name: 'Progress updates, oldest first' })).toContainText(
      `${day(-3).words} · Head of Crime via update request of ${today.words}`,
    );
    const kept = await openPanel(findings, AFI_1);
    await expect(kept.getByLabel('Target date')).toHaveValue(day(90).typed);
    await expect(kept.getByRole('list', { name: 'Progress updates, oldest first' })).toHaveCount(0);
    await findings.closePanel();
  });

  await test.step('a progress paper on the 2016 inspection, edited and exported as .docx', async () => {
    await app.open('Board papers');
    const papers = new PapersPage(page);
    await papers.createProgress('Cambridgeshire PEEL 2016');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('An update on progress against the findings of the PEEL Legitimacy 2016 inspection');
    // 4.3 counts the four AFIs by where they stand, from the tracking above.
    await expect(papers.previewParagraph('4.3')).toContainText(
      'HMIC identified 4 “areas for improvement” (AFIs). Of the 4 AFIs, 1 is closed, 1 in progress, 1 proposed for closure, 1 not yet started.',
    );
    await expect(papers.previewParagraph('4.3')).toContainText(`Owner: Head of HR. Status: closed on ${today.words}, approved by DCC Alan Baldwin.`);
    await expect(papers.previewParagraph('4.3')).toContainText(
      `Latest update (${day(-3).words}): Strategic assessment drafted; it goes to the Gold Group in January.`,
    );
    await papers.paragraphBox('2.1').fill('The Board is recommended to **note** progress against the 2016 findings.');
    await page.getByLabel('Agenda item').fill('5.0');
    await expect(papers.previewParagraph('2.1').locator('strong')).toHaveText('note');
    await expect(page.getByTestId('paper-preview')).toContainText('Agenda Item: 5.0');
    await papers.waitUntilSaved();
    await noSeriousViolations(app, 'Progress paper editor');
    await page.screenshot({ path: `${SHOTS}/progress-paper-editor.png` });

    const docx = await saved(await papers.exportDocx(), outDir, 'progress.docx');
    const text = asPdf(docx, outDir, 'progress-paper-page-1');
    expect(text).toContain('An update on progress against the findings of the PEEL Legitimacy 2016 inspection');
    expect(text).toContain('2.1 The Board is recommended to note progress against the 2016 findings.');
    expect(text).toContain('Of the 4 AFIs, 1 is closed, 1 in progress, 1 proposed for closure, 1 not yet started.');

    await papers.backToList();
    const list = page.getByTestId('progress-papers-table');
    await expect(list).toContainText('1 paragraph in your own words');
    await expect(list).toContainText('PEEL Legitimacy 2016');
    await noSeriousViolations(app, 'Papers list');
  });
  await host.stop();
});

test('a report’s annotations go out as Word and as CSV from the reader', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const outDir = await mkdtemp(join(tmpdir(), 'liaison-annotations-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  const reader = new ReaderPage(page);
  await reader.openFromList(/Cambridgeshire PEEL 2016/);
  // A sentence of the 2016 report (line 56 of the fixture).
  const passage = 'The joint professional standards department (PSD), which includes the anti-corruption unit (ACU) and vetting unit, is currently the subject of an improvement plan';
  await reader.selectPassage(passage);
  await page.keyboard.press('Control+Shift+A');
  const dialog = page.getByRole('dialog', { name: 'Annotate passage' });
  await dialog.getByLabel('Note').fill('Ask the head of PSD for the improvement plan, and its action log');
  await dialog.getByLabel('Tags').fill('interview, PSD');
  await dialog.getByRole('button', { name: 'Save annotation' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Annotations' }).click();
  const word = page.getByRole('button', { name: 'Export the annotations as a Word document (.docx)' });
  await word.focus();
  const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(docxDownload.suggestedFilename()).toBe('Annotations - Cambridgeshire PEEL 2016.docx');
  const text = asPdf(await saved(docxDownload, outDir, 'annotations.docx'), outDir, 'annotations-docx');
  expect(text).toContain('Annotations: Cambridgeshire PEEL 2016');
  expect(text).toContain(`“${passage}”`);
  expect(text).toContain('Ask the head of PSD for the improvement plan, and its action log');
  expect(text).toContain(`Tags: interview, PSD · Colour: Yellow · Added ${day(0).words}`);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the annotations as a spreadsheet (.csv)' }).click()]);
  const csv = (await readFile(await saved(csvDownload, outDir, 'annotations.csv'), 'utf8')).replace(/^\ufeff/, '');
  expect(csv).toBe(`Quote,Page,Note,Tags,Colour,Date\r\n"${passage.replace(/"/g, '""')}",,"Ask the head of PSD for the improvement plan, and its action log",interview; PSD,Yellow,${day(0).words}\r\n`);
  await noSeriousViolations(app, 'Reader annotations with export');
  await page.screenshot({ path: `${SHOTS}/annotations-export.png` });
  await host.stop();
});

