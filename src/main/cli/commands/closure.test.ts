import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../../tests/helpers/cli';
import { FIXTURES } from '../../../../tests/helpers/fixtures';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Finding } from '../../../shared/domain/finding';

const tempDir = useTempDirs();

const WELLBEING = 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.';

async function imported() {
  const dataDir = await tempDir();
  const { out } = await cli(['import', join(FIXTURES, 'peel-2016-legitimacy-web-report.txt'), '--data-dir', dataDir]);
  const reportId = out.trim();
  const list = JSON.parse((await cli(['findings', 'list', '--json', '--data-dir', dataDir])).out) as Finding[];
  const wellbeing = list.find((f) => f.text === WELLBEING)!.id;
  const run = (...args: string[]) => cli([...args, '--data-dir', dataDir]);
  return { dataDir, reportId, wellbeing, run };
}

describe('liaison commands for driving findings to closure', () => {
  it('attaches evidence, proposes and closes a finding, each with one line', async () => {
    const { wellbeing, run, dataDir } = await imported();
    expect(await run('findings', 'propose', wellbeing, '--statement', 'Training done.')).toEqual({
      code: 1,
      out: '',
      err: 'liaison findings: Attach evidence (a file) or name it before proposing closure: the approver needs something to check.\n',
    });
    const attached = await run('findings', 'attach', wellbeing, join(FIXTURES, 'peel-2016-legitimacy-report.pdf'));
    expect(attached.code).toBe(0);
    expect(attached.out).toMatch(new RegExp(`^${dataDir}/evidence/[0-9a-f]{64}\\n$`));
    expect(existsSync(attached.out.trim())).toBe(true);
    expect(await run('findings', 'attach', wellbeing, join(FIXTURES, 'hmi-assessment-transcript.txt'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^liaison findings: “hmi-assessment-transcript.txt” cannot be attached: evidence can be a PDF/),
    });
    expect(await run('findings', 'propose', wellbeing, '--statement', 'All supervisors trained.', '--by', 'Head of HR')).toEqual({
      code: 0,
      out: `${wellbeing}  proposed for closure by Head of HR; awaiting sign-off\n`,
      err: '',
    });
    expect(await run('findings', 'close', wellbeing, '--approver', 'DCC Jane Gyford')).toMatchObject({ code: 1, err: 'liaison findings: Give the approver’s reason: --reason "…"\n' });
    expect(await run('findings', 'close', wellbeing, '--approver', 'DCC Jane Gyford', '--reason', 'Register seen.', '--date', '2019-03-12')).toEqual({
      code: 0,
      out: `${wellbeing}  closed on 12 March 2019, approved by DCC Jane Gyford\n`,
      err: '',
    });
    const closed = JSON.parse((await run('findings', 'list', '--json', '--status', 'Closed')).out) as Finding[];
    expect(closed.map((f) => [f.id, f.tracking.resolution?.approver])).toEqual([[wellbeing, 'DCC Jane Gyford']]);
  });

  it('writes an update request, applies it back, and refuses a damaged workbook in one line', async () => {
    const { wellbeing, run } = await imported();
    await run('findings', 'update', wellbeing, '--owner', 'Head of HR', '--due', '2030-06-30');
    const dir = await tempDir();
    const out = join(dir, 'request.xlsx');
    expect(await run('findings', 'request', '--owner', 'Head of HR', '--out', out)).toEqual({ code: 0, out: `${out}\n`, err: '' });
    const docx = join(dir, 'request.docx');
    expect(await run('findings', 'request', '--owner', 'Head of HR', '--out', docx)).toEqual({ code: 0, out: `${docx}\n`, err: '' });
    expect(await run('findings', 'request', '--owner', 'Nobody', '--out', out)).toEqual({ code: 1, out: '', err: 'liaison findings: Nobody owns no open findings.\n' });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const row = workbook.getWorksheet('Findings')!.getRow(2);
    row.getCell(8).value = 'Training plan agreed with the college.';
    row.getCell(9).value = '01/03/2019';
    const returned = join(dir, 'returned.xlsx');
    await workbook.xlsx.writeFile(returned);

    const review = await run('findings', 'apply', returned);
    expect(review).toEqual({
      code: 0,
      out: '2016-AFI-04  Head of HR  update of 1 March 2019  [ready]\nNothing applied: add --accept-all to apply the rows marked ready.\n',
      err: '',
    });
    expect(await run('findings', 'apply', returned, '--accept-all')).toEqual({ code: 0, out: '2016-AFI-04  applied\n', err: '' });
    const after = JSON.parse((await run('findings', 'list', '--json')).out) as Finding[];
    expect(after.find((f) => f.id === wellbeing)!.tracking.progress.at(-1)).toMatchObject({ on: '2019-03-01', by: 'Head of HR', via: expect.stringMatching(/^update request of /) });

    const damaged = join(dir, 'damaged.xlsx');
    await writeFile(damaged, (await readFile(returned)).subarray(0, 2000));
    expect(await run('findings', 'apply', damaged, '--accept-all')).toEqual({
      code: 1,
      out: '',
      err: 'liaison findings: “damaged.xlsx” cannot be used: it is damaged (the zip package cannot be read). Nothing in it was applied.\n',
    });
  });

  it('writes reminders as .ics, the progress paper and the annotations export, printing each path', async () => {
    const { wellbeing, run, reportId } = await imported();
    await run('findings', 'update', wellbeing, '--owner', 'Head of HR', '--due', '2030-06-30');
    const dir = await tempDir();
    const ics = join(dir, 'dates.ics');
    expect(await run('reminders', '--out', ics, '--owner', 'Head of HR')).toEqual({ code: 0, out: `${ics}\n`, err: '' });
    const events = new ICAL.Component(ICAL.parse(await readFile(ics, 'utf8'))).getAllSubcomponents('vevent');
    expect(events.map((e) => new ICAL.Event(e).startDate.toString())).toEqual(['2030-06-30']);
    expect(await run('reminders', '--out', join(dir, 'dates.txt'))).toMatchObject({ code: 1, err: `liaison reminders: the output file must end in .ics: ${join(dir, 'dates.txt')}\n` });

    const paper = join(dir, 'progress.docx');
    expect(await run('paper', 'progress', reportId, '--out', paper)).toEqual({ code: 0, out: `${paper}\n`, err: '' });
    const all = join(dir, 'all.docx');
    expect(await run('paper', 'progress', '--all', '--out', all)).toEqual({ code: 0, out: `${all}\n`, err: '' });
    expect(await run('paper', 'progress', '--out', all)).toMatchObject({ code: 1, err: expect.stringMatching(/^liaison paper: paper progress needs a report id or --all/) });

    const csv = join(dir, 'notes.csv');
    expect(await run('annotations', 'export', reportId, '--out', csv)).toEqual({ code: 0, out: `${csv}\n`, err: '' });
    expect((await readFile(csv, 'utf8')).replace(/^\ufeff/, '')).toBe('Quote,Page,Note,Tags,Colour,Date\r\n');
    const docx = join(dir, 'notes.docx');
    expect(await run('annotations', 'export', reportId, '--out', docx)).toEqual({ code: 0, out: `${docx}\n`, err: '' });
    expect(await run('annotations', 'export', 'no-such-report', '--out', docx)).toMatchObject({ code: 1, err: 'liaison annotations: There is no report with id no-such-report; it may have been deleted.\n' });
  });
});
