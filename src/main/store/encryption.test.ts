import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Store } from './repository';
import { restoreArchive } from './restore';
import { SEALED_MAGIC } from './cipher';
import type { WriteFs } from './atomic-write';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { makeNote, makeReportDoc } from '../../../tests/helpers/make-report';
import { testCipher } from '../../../tests/helpers/test-cipher';

const tempDir = useTempDirs();
const NOTE_TEXT = 'Vetting backlog discussed with the PSD lead in interview room 3';
const FINDING_TEXT = 'The force should improve how it records stop and search.';

async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name));
  }
  return out;
}

/** The files encryption covers: the index, reports, notes and backups (texts and sources stay plain). */
async function coveredFiles(dir: string): Promise<Record<string, Buffer>> {
  const all = await filesUnder(dir);
  return Object.fromEntries(Object.entries(all).filter(([name]) => /^(index\.json|reports\/|notes\/|backups\/)/.test(name)));
}

const sealed = (bytes: Buffer) => bytes.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC);

/** A store with two reports, three notes and today's backup, all written plain. */
async function filledStore(dir: string, cipher = testCipher()) {
  const store = await Store.open(dir, { cipher });
  const first = makeReportDoc(`Areas for improvement\n\n${FINDING_TEXT}`, 'First report');
  first.doc.findings[0]!.text = FINDING_TEXT;
  const second = makeReportDoc('Causes of concern\n\nNone.', 'Second report');
  await store.addReport(first.doc, first.text, first.source);
  await store.addReport(second.doc, second.text, second.source);
  const notes = [makeNote(NOTE_TEXT), makeNote('Gold Group on Thursday'), makeNote('Ask for the custody audit')];
  for (const note of notes) await store.putNote(note);
  await store.backupNow();
  return { store, cipher, reportIds: [first.doc.report.id, second.doc.report.id], notes };
}

describe('encryption at rest', () => {
  it('seals every index, report, notes and backup file, holds no plaintext of a note, and reads back the same', async () => {
    const dir = await tempDir();
    const { store, cipher, reportIds, notes } = await filledStore(dir);
    await store.setEncryption(true);
    expect(store.encryption).toEqual({ available: true, on: true });
    await store.close();

    const covered = await coveredFiles(dir);
    expect(Object.keys(covered).filter((n) => n.startsWith('notes/')).length).toBeGreaterThan(0);
    expect(Object.keys(covered).filter((n) => n.startsWith('backups/')).length).toBe(1);
    for (const [name, bytes] of Object.entries(covered)) {
      expect(sealed(bytes), name).toBe(true);
      expect(bytes.includes(Buffer.from('Vetting backlog')), name).toBe(false);
      expect(bytes.includes(Buffer.from('stop and search')), name).toBe(false);
    }
    // Texts (published reports) stay plain, as the README says.
    const texts = Object.entries(await filesUnder(dir)).filter(([n]) => n.startsWith('texts/'));
    expect(texts.every(([, bytes]) => bytes[0] === '{'.charCodeAt(0))).toBe(true);

    const again = await Store.open(dir, { cipher });
    expect(again.encryption.on).toBe(true);
    expect(again.index.reportIds).toEqual(reportIds);
    expect(again.reportDoc(reportIds[0]!)?.findings[0]?.text).toBe(FINDING_TEXT);
    expect(again.allNotes().map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort());
    // New writes are sealed too.
    await again.putNote(makeNote('Written after encryption was turned on'));
    await again.close();
    for (const [name, bytes] of Object.entries(await coveredFiles(dir))) expect(sealed(bytes), name).toBe(true);
  });

  it('turned on then off, leaves plain JSON files and plain gzip backups with the same data', async () => {
    const dir = await tempDir();
    const { store, cipher, notes } = await filledStore(dir);
    await store.setEncryption(true);
    await store.setEncryption(false);
    await store.close();
    for (const [name, bytes] of Object.entries(await coveredFiles(dir))) {
      if (name.startsWith('backups/')) expect([bytes[0], bytes[1]], name).toEqual([0x1f, 0x8b]);
      else expect(() => JSON.parse(bytes.toString('utf8')), name).not.toThrow();
    }
    const plain = await Store.open(dir);
    expect(plain.encryption).toEqual({ available: false, on: false });
    expect(plain.allNotes().map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort());
    await plain.close();
    expect(cipher.key.length).toBe(32);
  });

  it('opening an encrypted store without the cipher, or with another key, stops with a clear error and changes nothing', async () => {
    const dir = await tempDir();
    const { store } = await filledStore(dir);
    await store.setEncryption(true);
    await store.close();
    const before = await filesUnder(dir);

    await expect(Store.open(dir)).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/encrypted with the desktop app's protection for one Windows, macOS or Linux user account/),
    });
    await expect(Store.open(dir, { readOnly: true })).rejects.toMatchObject({ code: 'unreadable' });
    await expect(Store.open(dir, { cipher: testCipher() })).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/index is encrypted with a key this user account does not have/),
    });
    expect(await filesUnder(dir)).toEqual(before);
  });

  it('a report that no longer decrypts is set aside and recovered from the sealed backup', async () => {
    const dir = await tempDir();
    const { store, cipher, reportIds } = await filledStore(dir);
    await store.setEncryption(true);
    await store.close();
    const file = join(dir, 'reports', `${reportIds[0]}.json`);
    const bytes = await readFile(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1); // a changed byte fails AES-GCM's check
    await writeFile(file, bytes);

    const reopened = await Store.open(dir, { cipher });
    expect(reopened.recovered).toHaveLength(1);
    expect(reopened.recovered[0]).toMatchObject({ file: `reports/${reportIds[0]}.json`, problem: expect.stringMatching(/could not be decrypted/) });
    expect(reopened.recovered[0]?.restoredFrom).toMatch(/^backup-\d{4}-\d{2}-\d{2}\.ldarchive$/);
    expect(reopened.reportDoc(reportIds[0]!)?.findings[0]?.text).toBe(FINDING_TEXT);
    await reopened.close();
    expect(sealed(await readFile(file))).toBe(true);
    expect((await readdir(join(dir, 'set-aside'))).length).toBe(1);
  });

  for (const direction of ['on', 'off'] as const) {
    it(`a stop part-way through turning encryption ${direction} leaves a store that opens with every acknowledged write`, async () => {
      // Notes fall into one to three files by id, so the number of files to rewrite varies from run to run.
      for (let allowed = 0, files = Infinity; allowed < files; allowed++) {
        const dir = await tempDir();
        const filled = await filledStore(dir);
        if (direction === 'off') await filled.store.setEncryption(true);
        await filled.store.close();
        files = Object.keys(await coveredFiles(dir)).length;
        expect(files).toBeGreaterThanOrEqual(5);

        let writes = 0;
        const stopping: WriteFs = {
          ...fs,
          open: (async (path: string, flags: string) => {
            if (flags === 'w' && ++writes > allowed) throw Object.assign(new Error('EIO: simulated stop'), { code: 'EIO' });
            return fs.open(path, flags);
          }) as WriteFs['open'],
        };
        const store = await Store.open(dir, { cipher: filled.cipher, fs: stopping, skipDailyBackup: true });
        await expect(store.setEncryption(direction === 'on')).rejects.toMatchObject({ code: 'save-failed' });
        await store.close();
        const forms = Object.values(await coveredFiles(dir)).map(sealed);
        if (allowed > 0) expect(new Set(forms).size, `mixed files after ${allowed} writes`).toBe(2);

        const reopened = await Store.open(dir, { cipher: filled.cipher });
        expect(reopened.encryption.on).toBe(direction === 'off');
        expect(reopened.index.reportIds).toEqual(filled.reportIds);
        expect(reopened.reportDoc(filled.reportIds[0]!)?.findings[0]?.text).toBe(FINDING_TEXT);
        expect(reopened.allNotes().map((n) => n.id).sort()).toEqual(filled.notes.map((n) => n.id).sort());
        expect(reopened.recovered).toEqual([]);
        await reopened.close();
        // The open finished the job in the index's form: no mix is left.
        for (const [name, bytes] of Object.entries(await coveredFiles(dir))) expect(sealed(bytes), name).toBe(direction === 'off');
      }
    });
  }

  it('exports a sealed archive by default and a plain one on request; each restores', async () => {
    const dir = await tempDir();
    const { store, cipher, notes } = await filledStore(dir);
    await store.setEncryption(true);
    const sealedArchive = join(await tempDir(), 'sealed.ldarchive');
    const plainArchive = join(await tempDir(), 'plain.ldarchive');
    await store.exportArchive(sealedArchive);
    await store.exportArchive(plainArchive, { unencrypted: true });
    await store.close();

    const sealedBytes = await readFile(sealedArchive);
    expect(sealed(sealedBytes)).toBe(true);
    expect(sealedBytes.includes(Buffer.from('Vetting backlog'))).toBe(false);
    const plainLines = gunzipSync(await readFile(plainArchive)).toString('utf8');
    expect(plainLines).toContain(NOTE_TEXT);

    const elsewhere = await tempDir();
    await expect(restoreArchive(elsewhere, sealedArchive)).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/it is encrypted, and only the Liaison Desk desktop app on the user account that made it can open it.*Nothing was changed\.$/),
    });
    await expect(restoreArchive(elsewhere, sealedArchive, new Date(), testCipher())).rejects.toMatchObject({
      message: expect.stringMatching(/could not be decrypted.*Nothing was changed\.$/),
    });

    await restoreArchive(elsewhere, sealedArchive, new Date(), cipher);
    for (const [name, bytes] of Object.entries(await coveredFiles(elsewhere))) expect(sealed(bytes), name).toBe(true);
    const restoredSealed = await Store.open(elsewhere, { cipher, skipDailyBackup: true });
    expect(restoredSealed.encryption.on).toBe(true);
    expect(restoredSealed.allNotes().map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort());
    await restoredSealed.close();

    // An unencrypted export moves to a computer without the key, and arrives unencrypted.
    const newLaptop = await tempDir();
    await restoreArchive(newLaptop, plainArchive);
    const restoredPlain = await Store.open(newLaptop, { skipDailyBackup: true });
    expect(restoredPlain.encryption).toEqual({ available: false, on: false });
    expect(restoredPlain.allNotes().map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort());
    await restoredPlain.close();
  });

  it('refuses to turn encryption on without a cipher, and turning it off there is already so', async () => {
    const store = await Store.open(await tempDir(), { skipDailyBackup: true });
    await expect(store.setEncryption(true)).rejects.toMatchObject({ code: 'not-available', message: expect.stringMatching(/only the desktop app can encrypt/) });
    await expect(store.setEncryption(false)).resolves.toBeUndefined();
    expect(store.encryption).toEqual({ available: false, on: false });
    await store.close();
  });
});
