import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileRefs, pack, unpack } from './files';

describe('files sent with the team documents', () => {
  it('compresses what compresses, and gives back the same bytes', async () => {
    const text = Buffer.from('The force should improve its vetting. '.repeat(2_000));
    const packed = await pack(text);
    expect(packed.content_type).toBe('application/gzip');
    expect(Buffer.from(packed.data, 'base64').length).toBeLessThan(text.length / 10);
    expect(unpack({ content_type: packed.content_type, data: Buffer.from(packed.data, 'base64') }, 1 << 20)).toEqual(text);
    // Already compressed (a PDF's streams, a JPEG): sent as it is.
    const random = randomBytes(4_096);
    expect((await pack(random)).content_type).toBe('application/octet-stream');
  });

  it('refuses a file over its limit, and a small attachment that inflates past it', () => {
    expect(() => unpack({ content_type: 'application/octet-stream', data: Buffer.alloc(2_048) }, 1_024)).toThrow('it is larger than 0 MB');
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => unpack({ content_type: 'application/gzip', data: bomb }, 2 * 1024 * 1024)).toThrow('it is larger than 2 MB unpacked');
    expect(() => unpack({ content_type: 'application/gzip', data: Buffer.from('not gzip') }, 1_024)).toThrow('it is damaged');
  });

  it('knows which documents stand for which files', () => {
    const sha = 'a'.repeat(64);
    const of = (values: Record<string, unknown>) => (path: string) => values[path];
    expect(fileRefs('report', '', of({ 'report.sha256': sha, 'report.fileName': 'r.pdf' }))).toEqual([{ sha256: sha, role: 'source', withText: true, name: 'r.pdf' }]);
    expect(fileRefs('report', 'report.versions', of({ sha256: sha, fileName: 'r.html' }))).toEqual([{ sha256: sha, role: 'source', withText: true, name: 'r.html' }]);
    expect(fileRefs('report', 'findings/tracking.attachments', of({ sha256: sha, name: 'audit.pdf' }))).toEqual([{ sha256: sha, role: 'evidence', withText: false, name: 'audit.pdf' }]);
    expect(fileRefs('index', '', of({ 'settings.logo': { sha256: sha, fileName: 'crest.png' } }))).toEqual([{ sha256: sha, role: 'logo', withText: false, name: 'crest.png' }]);
    expect(fileRefs('index', '', of({ 'settings.logo': null }))).toEqual([]);
    expect(fileRefs('report', 'findings', of({ sha256: sha }))).toEqual([]);
  });
});
