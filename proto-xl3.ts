import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
const t = performance.now();
const stream = new PassThrough();
stream.resume();
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
const sheet = wb.addWorksheet('Findings register');
const wrap = { vertical: 'top', wrapText: true } as const;
sheet.columns = Array.from({ length: 13 }, (_, i) => ({ header: `Col ${i}`, key: `c${i}`, width: 12 + i, style: { alignment: wrap } }));
const text = 'The force should ensure that its supervisors can recognise and provide support with wellbeing and that staff are aware of the support available to them.';
for (let r = 0; r < 20000; r++) {
  const row = sheet.addRow(Array.from({ length: 13 }, (_, i) => i === 8 ? new Date('2020-01-01') : `${text.slice(0, 20 + i * 10)} ${r}`));
  row.height = 45;
  row.commit();
}
sheet.commit();
await wb.commit();
console.log('ms', Math.round(performance.now() - t));
