import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite, type WriteFs } from './atomic-write';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('atomicWrite', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    await atomicWrite(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('retries a rename that another program blocks for a moment (EPERM/EBUSY)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    let failures = 0;
    const held: WriteFs = {
      ...fs,
      rename: async (from, to) => {
        if (failures++ < 3) throw errno(failures % 2 ? 'EPERM' : 'EBUSY');
        return fs.rename(from, to);
      },
    };
    await atomicWrite(file, 'new', held);
    expect(failures).toBe(4);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('gives up on a file held for good, keeping the old content and no temp file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    const stuck: WriteFs = { ...fs, rename: async () => Promise.reject(errno('EBUSY')) };
    await expect(atomicWrite(file, 'new', stuck)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('on a full disk fails at once and leaves the old file whole', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    const full: WriteFs = {
      ...fs,
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        return Object.assign(handle, { writeFile: async () => Promise.reject(errno('ENOSPC')) });
      }) as WriteFs['open'],
    };
    await expect(atomicWrite(file, 'new', full)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});
