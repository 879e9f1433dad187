import { constants, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { ARCHIVE_FORMAT } from '../../src/main/store/archive';
import { SCHEMA_VERSION } from '../../src/main/store/schema';
import { makeZip } from './zip';

/**
 * The hostile files of the outside review, made small and fast: each is what an attacker would hand
 * the officer (or plant in the data folder), built without spending what it would cost to unpack.
 */

/**
 * A raw deflate stream of `bytes` zeros, a few KB per 4 MB: one sync-flushed block of zeros repeated
 * (all-zero output makes every back-reference valid wherever the block lands), then an empty final block.
 */
export function deflatedZeros(bytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(4 * 1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const blocks = Math.ceil(bytes / (4 * 1024 * 1024));
  return Buffer.concat([...Array.from({ length: blocks }, () => block), Buffer.from([0x03, 0x00])]);
}

/** A DOCX whose document.xml inflates to `bytes` zeros while its directory declares 1,000 bytes: the review's lying zip. */
export function lyingDocx(bytes = 2 * 1024 * 1024 * 1024): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'word/document.xml', data: Buffer.alloc(0), declaredSize: 1000, packed: deflatedZeros(bytes) },
  ]);
}

/** A one-page PDF whose content stream draws one character `operators` times: tiny on disk, slow for any reader. */
export function operatorHeavyPdf(operators: number): Buffer {
  return onePagePdf(`BT /F1 12 Tf 72 720 Td ${'(a) Tj '.repeat(operators)}ET`);
}

/** A one-page US Letter PDF drawing `content` (a content stream, deflated), with Helvetica as /F1. */
export function onePagePdf(content: string): Buffer {
  const stream = deflateSync(Buffer.from(content), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const chunk =
      body === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj << /Length ${stream.length} /Filter /FlateDecode >> stream\n`), stream, Buffer.from('\nendstream endobj\n')])
        : Buffer.from(`${i + 1} 0 obj ${body} endobj\n`);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const header = (contents: 'backup' | 'full') =>
  JSON.stringify({ format: ARCHIVE_FORMAT, version: 1, schemaVersion: SCHEMA_VERSION, createdAt: '2026-03-01T09:00:00.000Z', contents });

/** An archive whose second line inflates to `bytes` (the review's 1.2 MB → 1.2 GB one-line bomb), as gzip members one after another. */
export function oneLineArchiveBomb(bytes = 1200 * 1024 * 1024, key = 'index'): Buffer {
  const block = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61), { level: 9 });
  return Buffer.concat([
    gzipSync(`${header('full')}\n{"key":"${key}","data":"`),
    ...Array.from({ length: Math.ceil(bytes / (4 * 1024 * 1024)) }, () => block),
    gzipSync('"}\n'),
  ]);
}

/** An archive of many valid-looking small lines that together inflate far past any real store. */
export function manyLineArchiveBomb(lines = 300_000): Buffer {
  const thousand = gzipSync(`${JSON.stringify({ key: 'notes:1', data: { notes: [] }, pad: 'x'.repeat(1000) })}\n`.repeat(1000), { level: 9 });
  return Buffer.concat([gzipSync(`${header('full')}\n`), ...Array.from({ length: Math.ceil(lines / 1000) }, () => thousand)]);
}

/** Text as Windows Notepad saves it as "Unicode" (UTF-16 LE) or "Unicode big endian", with the byte-order mark. */
export function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}
