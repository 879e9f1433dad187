import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from '../host';
import { AppPage } from '../pages/app-page';
import { PapersPage } from '../pages/papers-page';

const EDITED_4_3 = 'The report also commends the force’s work with its alliance partners on **serious and organised crime**.';

test('a board paper for the 2018/19 report: create, edit 4.3 with a live preview, export a .docx that LibreOffice reads', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const host = await startHost(dataDir);
  const app = new AppPage(page);
  const papers = new PapersPage(page);
  await page.goto(host.openUrl);
  await app.loadSamples();
  await app.open('Board papers');
  await papers.create('2018/19');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'An update on the publication of the PEEL 2018/19 report by Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services',
  );
  // Derived paragraphs are shown, not offered for editing.
  await expect(page.locator('[data-paragraph="4.2"]').first()).toContainText('Derived from the grades');
  await expect(papers.paragraphBox('4.2')).toHaveCount(0);
  await expect(papers.previewParagraph('4.4').locator('ol[type="I"] li')).toHaveCount(11);

  await papers.paragraphBox('4.3').fill(EDITED_4_3);
  const preview43 = papers.previewParagraph('4.3');
  await expect(preview43).toContainText('The report also commends the force’s work with its alliance partners on serious and organised crime.');
  await expect(preview43.locator('strong')).toHaveText('serious and organised crime');
  await papers.waitUntilSaved();
  await expect(page.getByRole('button', { name: 'Revert paragraph 4.3 to default' })).toBeEnabled();

  expect(await app.seriousA11yViolations()).toEqual([]);
  await papers.paragraphBox('4.3').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(preview43).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/paper-editor.png' });

  const download = await papers.exportDocx();
  const outDir = await mkdtemp(join(tmpdir(), 'liaison-paper-'));
  const docx = join(outDir, 'paper.docx');
  expect(download.suggestedFilename()).toBe(
    'An update on the publication of the PEEL 2018-19 report by Her Majesty’s Inspectorate of Constabulary and Fire and Rescue Services.docx',
  );
  await download.saveAs(docx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/lo`, '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore' });
  const text = execFileSync('pdftotext', ['-layout', join(outDir, 'paper.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('4.3 The report also commends the force’s work with its alliance partners on serious and organised crime.');
  expect(text).toContain('Ethical and lawful workforce behaviour: assessed as good');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(outDir, 'paper.pdf'), 'test-results/screenshots/paper-page-1']);

  await papers.backToList();
  await expect(page.getByTestId('papers-table')).toContainText('1 paragraph in your own words');
  await page.screenshot({ path: 'test-results/screenshots/papers-list.png' });
  expect(await app.seriousA11yViolations()).toEqual([]);
  await host.stop();
});
