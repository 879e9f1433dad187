import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { docxPart, docxParagraphs } from '../../../tests/fixtures/paper/docx-text';
import { FIXTURES } from '../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Finding } from '../../shared/domain/finding';
import { Store } from '../store/repository';
import { addDays } from './due-soon';
import { importDocument } from './import-document';
import { updateTracking } from './findings';
import { registerRows } from './findings';
import { applyReturns, createUpdateRequest, previewReturns } from './update-requests';
import { registerXlsx } from './board-papers';

const tempDir = useTempDirs();
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const TODAY = '2019-03-20';
const NOW = new Date('2019-03-20T10:00:00.000Z');

// Words as the documents have them.
const WELLBEING_2016 = 'The force should ensure that its supervisors can recognise and provide support with wellbeing';
const SUPERVISION_2018 = 'The force should ensure regular and active supervision of the quality and progress of investigations';
const VETTING_2018 = 'The force should ensure all staff have received at least the lowest level of vetting clearance';

async function storeWithOwners() {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  stores.push(store);
  await store.updateIndex((index) => void (index.settings.userName = 'Ch Insp Chris Savage'));
  for (const name of ['peel-2016-legitimacy-web-report.txt', 'peel-2018-19-integrated-report.txt']) {
    await importDocument(store, name, await readFile(join(FIXTURES, name)));
  }
  const find = (start: string): Finding => {
    const found = store.allReportDocs().flatMap((d) => d.findings).find((f) => f.text.startsWith(start));
    if (!found) throw new Error(`no finding “${start}”`);
    return found;
  };
  await updateTracking(store, find(WELLBEING_2016).id, { owner: 'Head of HR', status: 'In progress', due: '2019-06-30' }, '2019-01-05T10:00:00.000Z');
  await updateTracking(store, find(SUPERVISION_2018).id, { owner: 'Head of HR', due: '2019-09-30' }, '2019-01-05T10:00:00.000Z');
  await updateTracking(store, find(VETTING_2018).id, { owner: 'Head of PSD', due: '2019-04-30' }, '2019-01-05T10:00:00.000Z');
  return { store, find: (start: string) => store.allReportDocs().flatMap((d) => d.findings).find((f) => f.text.startsWith(start)) as Finding };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}
const save = async (workbook: ExcelJS.Workbook) => new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

/** The officer's view of every finding, to show a refused workbook changed nothing. */
const snapshot = (store: Store) => JSON.stringify(registerRows(store, TODAY).map((r) => r.finding.tracking));

/** The head of HR fills in the workbook as an owner would, in Excel: typed text, a picked date, a typed date. */
async function ownersEdit(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await load(bytes);
  const sheet = workbook.getWorksheet('Findings')!;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = String(row.getCell(3).value);
    if (text.startsWith(WELLBEING_2016)) {
      row.getCell(8).value = 'All 212 sergeants and inspectors completed wellbeing training by 15 March.';
      row.getCell(9).value = new Date('2019-03-15T00:00:00.000Z');
      row.getCell(10).value = 'Proposed for closure';
      row.getCell(12).value = 'Training register, March 2019; Wellbeing strategy v3';
    }
    if (text.startsWith(SUPERVISION_2018)) {
      row.getCell(8).value = { richText: [{ text: 'Supervision audit ' }, { font: { bold: true }, text: 'scheduled' }, { text: ' for June.' }] };
      row.getCell(11).value = '31/12/2019';
    }
  }
  return save(workbook);
}

describe('update requests', () => {
  it('writes a workbook for one owner: covering note first, locked and open columns, validation, request details hidden', async () => {
    const { store } = await storeWithOwners();
    const made = await createUpdateRequest(store, { owner: 'head of hr', format: 'xlsx' }, NOW, TODAY);
    expect(made.fileName).toBe('Update request 2019-03-20 - head of hr.xlsx');
    const workbook = await load(made.bytes);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Covering note', 'visible'],
      ['Findings', 'visible'],
      ['Liaison Desk', 'veryHidden'],
    ]);
    const note = workbook.getWorksheet('Covering note')!;
    expect(note.getCell('A6').value).toBe('Please return by: 3 April 2019');
    expect(note.getCell('A4').value).toBe('From: Ch Insp Chris Savage, Cambridgeshire Constabulary');
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Reference',
      'Report',
      'Finding',
      'Owner',
      'Status',
      'Target date',
      'Latest update',
      'Progress update',
      'Update date',
      'New status',
      'New target date',
      'Evidence',
    ]);
    // The two findings the head of HR owns, in report order: 2016 first.
    expect(sheet.rowCount).toBe(3);
    expect([sheet.getCell('A2').value, sheet.getCell('A3').value]).toEqual(['2016-AFI-04', '2018/19-AFI-04']);
    expect(sheet.getCell('E2').value).toBe('In progress');
    expect((sheet.getCell('F2').value as Date).toISOString().slice(0, 10)).toBe('2019-06-30');
    // Cells are locked unless said otherwise; the sheet is protected, so only the owner's columns take typing.
    expect(sheet.getCell('A2').protection?.locked).not.toBe(false);
    expect(sheet.getCell('G2').protection?.locked).not.toBe(false);
    expect(docxPart(made.bytes, 'xl/worksheets/sheet2.xml')).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheet.getCell('H2').protection?.locked).toBe(false);
    expect(sheet.getCell('L2').protection?.locked).toBe(false);
    expect(sheet.getCell('J2').dataValidation).toMatchObject({ type: 'list', formulae: ['"In progress,Proposed for closure"'] });
    expect(sheet.getCell('I2').dataValidation).toMatchObject({ type: 'date', operator: 'between' });
    expect(sheet.getCell('K3').dataValidation).toMatchObject({ type: 'date' });
    // Printed, the twelve columns take an A3 landscape page's width (8 is A3 in Office's paper sizes), and the note an A4 page's.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(note.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1 });
    expect(store.index.updateRequests).toHaveLength(1);
    expect(store.index.updateRequests[0]).toMatchObject({ owner: 'head of hr', date: TODAY, by: 'Ch Insp Chris Savage' });
  });

  it('applies an owner’s returned workbook after review, shows a conflict with a change made since, and applies each row once', async () => {
    const { store, find } = await storeWithOwners();
    const made = await createUpdateRequest(store, { owner: 'Head of HR', format: 'xlsx' }, NOW, TODAY);
    const returned = await ownersEdit(made.bytes);
    // After the request went out, the officer moved the supervision AFI's target date in the app.
    await updateTracking(store, find(SUPERVISION_2018).id, { due: '2019-10-31' }, '2019-03-22T10:00:00.000Z');

    const later = '2019-03-25';
    const beforePreview = snapshot(store);
    const preview = await previewReturns(store, [{ fileName: 'HR return.xlsx', bytes: returned }], later);
    const [wb] = preview.workbooks;
    expect(wb).toMatchObject({ fileName: 'HR return.xlsx', refused: null, requestDate: TODAY, owner: 'Head of HR', unchanged: 0, warnings: [] });
    const wellbeing = wb!.rows.find((r) => r.reference === '2016-AFI-04')!;
    expect(wellbeing).toMatchObject({
      progress: { text: 'All 212 sergeants and inspectors completed wellbeing training by 15 March.', on: '2019-03-15' },
      status: { from: 'In progress', to: 'Proposed for closure' },
      due: null,
      evidence: ['Training register, March 2019', 'Wellbeing strategy v3'],
      conflicts: [],
      problems: [],
    });
    const supervision = wb!.rows.find((r) => r.reference === '2018/19-AFI-04')!;
    expect(supervision).toMatchObject({ progress: { text: 'Supervision audit scheduled for June.', on: later }, due: { from: '2019-10-31', to: '2019-12-31' } });
    expect(supervision.conflicts).toEqual(['The target date was changed since the request was sent (30 September 2019 → 31 October 2019 on 22 March 2019 by Ch Insp Chris Savage).']);
    expect(snapshot(store)).toBe(beforePreview); // a preview changes nothing

    // Accept all: the conflicting row is not applied silently.
    const accept = wb!.rows.map((r) => ({ requestId: r.requestId, reference: r.reference, overrideConflict: false }));
    const first = await applyReturns(store, [{ fileName: 'HR return.xlsx', bytes: returned }], accept, new Date('2019-03-25T09:00:00.000Z'), later);
    expect(first.applied.map((a) => a.reference)).toEqual(['2016-AFI-04']);
    expect(first.skipped).toEqual([{ requestId: made.request.id, reference: '2018/19-AFI-04', reason: expect.stringMatching(/^Conflicts with changes made since the request: The target date was changed/) }]);

    const w = find(WELLBEING_2016).tracking;
    expect(w.status).toBe('Proposed for closure');
    expect(w.proposal).toEqual({ statement: 'All 212 sergeants and inspectors completed wellbeing training by 15 March.', by: 'Head of HR', at: '2019-03-25T09:00:00.000Z' });
    expect(w.progress.at(-1)).toMatchObject({ on: '2019-03-15', by: 'Head of HR', via: 'update request of 20 March 2019' });
    expect(w.evidence).toEqual(['Training register, March 2019', 'Wellbeing strategy v3']);
    expect(w.history.slice(-3).map((h) => [h.field, h.by, h.note])).toEqual([
      ['evidence', 'Ch Insp Chris Savage', 'From Head of HR via update request of 20 March 2019.'],
      ['progress', 'Ch Insp Chris Savage', 'All 212 sergeants and inspectors completed wellbeing training by 15 March.'],
      ['status', 'Ch Insp Chris Savage', 'All 212 sergeants and inspectors completed wellbeing training by 15 March. (From Head of HR via update request of 20 March 2019.)'],
    ]);
    expect(find(SUPERVISION_2018).tracking.due).toBe('2019-10-31');

    // The same workbook again: the applied row says so; the officer now overrides the conflict on the other.
    const again = await applyReturns(
      store,
      [{ fileName: 'HR return.xlsx', bytes: returned }],
      accept.map((a) => ({ ...a, overrideConflict: a.reference === '2018/19-AFI-04' })),
      new Date('2019-03-26T09:00:00.000Z'),
      '2019-03-26',
    );
    expect(again.applied.map((a) => a.reference)).toEqual(['2018/19-AFI-04']);
    expect(again.skipped).toEqual([{ requestId: made.request.id, reference: '2016-AFI-04', reason: 'Already applied on 25 March 2019.' }]);
    expect(find(SUPERVISION_2018).tracking.due).toBe('2019-12-31');
    expect(find(SUPERVISION_2018).tracking.progress.at(-1)).toMatchObject({ text: 'Supervision audit scheduled for June.', by: 'Head of HR' });
  });

  it('refuses a damaged workbook, one that is not ours, one from another data folder and one edited out of shape, changing nothing', async () => {
    const { store } = await storeWithOwners();
    const made = await createUpdateRequest(store, { format: 'xlsx' }, NOW, TODAY);
    const returned = await ownersEdit(made.bytes);
    const before = snapshot(store);
    const other = await storeWithOwners();
    const foreign = await ownersEdit((await createUpdateRequest(other.store, { format: 'xlsx' }, NOW, TODAY)).bytes);

    const renamed = await load(returned);
    renamed.getWorksheet('Findings')!.getCell('H1').value = 'Comments';
    const moved = await load(returned);
    moved.getWorksheet('Findings')!.getCell('A5').value = '2016-AFI-99';
    const added = await load(returned);
    const extraRow = added.getWorksheet('Findings')!.addRow([]);
    extraRow.getCell(8).value = 'A new finding of my own';

    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['truncated.xlsx', returned.subarray(0, Math.floor(returned.length / 2)), /it is damaged/],
      ['notes.xlsx', Buffer.from('Progress: all done'), /it is not an Excel workbook/],
      ['register.xlsx', await registerXlsx(store), /it is not an update request made by Liaison Desk/],
      ['foreign.xlsx', foreign, /it was not made by this Liaison Desk data folder/],
      ['renamed.xlsx', await save(renamed), /column H should be “Progress update” but is “Comments”/],
      ['moved.xlsx', await save(moved), /row 5’s Reference “2016-AFI-99” was not in the request/],
      ['added.xlsx', await save(added), /has an update but no Reference/],
    ];
    for (const [fileName, bytes, reason] of cases) {
      const { workbooks } = await previewReturns(store, [{ fileName, bytes }], TODAY);
      expect(workbooks[0]!.refused, fileName).toMatch(reason);
      expect(workbooks[0]!.refused, fileName).toMatch(/Nothing in it was applied\.$/);
      const summary = await applyReturns(store, [{ fileName, bytes }], [{ requestId: made.request.id, reference: '2016-AFI-04', overrideConflict: true }], NOW, TODAY);
      expect(summary.applied).toEqual([]);
      expect(summary.refused[0]?.fileName).toBe(fileName);
    }
    expect(snapshot(store)).toBe(before);
    expect(store.index.updateRequests[0]!.applied).toEqual([]);
  });

  it('shows a row it cannot apply as it stands, and applies the good rows of several workbooks at once', async () => {
    const { store } = await storeWithOwners();
    const hr = await createUpdateRequest(store, { owner: 'Head of HR', format: 'xlsx' }, NOW, TODAY);
    const psd = await createUpdateRequest(store, { owner: 'Head of PSD', format: 'xlsx' }, NOW, TODAY);
    const psdBook = await load(psd.bytes);
    const row = psdBook.getWorksheet('Findings')!.getRow(2);
    row.getCell(8).value = 'Vetting backlog cleared.';
    row.getCell(9).value = 'next Tuesday';
    row.getCell(10).value = 'Closed';
    const preview = await previewReturns(
      store,
      [
        { fileName: 'hr.xlsx', bytes: await ownersEdit(hr.bytes) },
        { fileName: 'psd.xlsx', bytes: await save(psdBook) },
      ],
      TODAY,
    );
    expect(preview.workbooks[1]!.rows[0]!.problems).toEqual([
      'Update date “next Tuesday” is not a date (dd/mm/yyyy)',
      'New status “Closed” is not one of “In progress” or “Proposed for closure”',
    ]);
    const summary = await applyReturns(
      store,
      [
        { fileName: 'hr.xlsx', bytes: await ownersEdit(hr.bytes) },
        { fileName: 'psd.xlsx', bytes: await save(psdBook) },
      ],
      preview.workbooks.flatMap((wb) => wb.rows.map((r) => ({ requestId: r.requestId, reference: r.reference, overrideConflict: false }))),
      NOW,
      TODAY,
    );
    expect(summary.applied.map((a) => a.reference).sort()).toEqual(['2016-AFI-04', '2018/19-AFI-04']);
    expect(summary.skipped.map((s) => s.reference)).toEqual(['2018/19-AFI-09']);
  });

  it('reads back a returned workbook saved again by LibreOffice', async () => {
    if (!existsSync('/usr/bin/soffice')) return;
    const { store } = await storeWithOwners();
    const made = await createUpdateRequest(store, { owner: 'Head of HR', format: 'xlsx' }, NOW, TODAY);
    const dir = await tempDir();
    const inFile = join(dir, 'in', 'return.xlsx');
    await execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
    await writeFile(inFile, await ownersEdit(made.bytes));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), inFile], { timeout: 120_000, stdio: 'ignore' });
    const resaved = await readFile(join(dir, 'out', 'return.xlsx'));
    const { workbooks } = await previewReturns(store, [{ fileName: 'return.xlsx', bytes: resaved }], TODAY);
    expect(workbooks[0]!.refused).toBeNull();
    expect(workbooks[0]!.rows.map((r) => [r.reference, r.progress?.on, r.status?.to ?? null, r.due?.to ?? null])).toEqual([
      ['2016-AFI-04', '2019-03-15', 'Proposed for closure', null],
      ['2018/19-AFI-04', TODAY, null, '2019-12-31'],
    ]);
  }, 180_000);

  it('writes the short Word version with a table per finding', async () => {
    const { store } = await storeWithOwners();
    const made = await createUpdateRequest(store, { owner: 'Head of PSD', format: 'docx', returnBy: '2019-04-05' }, NOW, TODAY);
    expect(made.fileName).toBe('Update request 2019-03-20 - Head of PSD.docx');
    const text = docxParagraphs(made.bytes).map((p) => p.text);
    expect(text).toContain('Please reply by: 5 April 2019');
    expect(text).toContain('2018/19-AFI-09 — Head of PSD');
    expect(text.some((t) => t.startsWith(`Finding\t${VETTING_2018}`))).toBe(true);
    expect(text).toContain('Target date\t30 April 2019');
    expect(addDays(TODAY, 14)).toBe('2019-04-03');
  });
});
