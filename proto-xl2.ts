import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
async function go(label: string, opts: { style: boolean; level: number; perCell?: boolean }) {
const t = performance.now();
const chunks: Buffer[] = [];
const stream = new PassThrough();
stream.on('data', (c) => chunks.push(c));
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: opts.level } } } as never);
const sheet = wb.addWorksheet('Findings register', {
  views: [{ state: 'frozen', ySplit: 1 }],
  pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
});
const wrap = { vertical: 'top', wrapText: true } as const;
sheet.columns = Array.from({ length: 13 }, (_, i) => ({ header: `Col ${i}`, key: `c${i}`, width: 12 + i, style: opts.style ? { alignment: wrap } : undefined }));
const text = 'The force should ensure that its supervisors can recognise and provide support with wellbeing and that staff are aware of the support available to them.';
for (let r = 0; r < 10000; r++) {
  const row = sheet.addRow(Array.from({ length: 13 }, (_, i) => i === 8 ? new Date('2020-01-01') : `${text.slice(0, 20 + i * 10)} ${r}`));
  if (opts.perCell) row.alignment = wrap;
  row.height = 45;
  row.commit();
}
sheet.commit();
await wb.commit();
const bytes = Buffer.concat(chunks);
console.log(label, 'ms', Math.round(performance.now() - t), 'bytes', bytes.length);
}
await go('warm', { style: true, level: 6 });
await go('col-style l6', { style: true, level: 6 });
await go('col-style l1', { style: true, level: 1 });
await go('row-align l6', { style: false, level: 6, perCell: true });
await go('nostyle l1', { style: false, level: 1 });
