import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { testCipher } from '../../../tests/helpers/test-cipher';
import { cipherVault } from './vault';

const temp = useTempDirs();

describe('the team password vault', () => {
  it('keeps the password sealed, never as plain text, and gives it back only with the same key', async () => {
    const dir = await temp();
    const vault = cipherVault(testCipher(), dir);
    await vault.set('olive@https://couch.example/team', 'correct horse battery');
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await readFile(`${dir}/${files[0]}`)).includes(Buffer.from('correct horse'))).toBe(false);
    expect(await vault.get('olive@https://couch.example/team')).toBe('correct horse battery');
    expect(await cipherVault(testCipher(), dir).get('olive@https://couch.example/team')).toBeNull();
    await vault.clear('olive@https://couch.example/team');
    expect(await vault.get('olive@https://couch.example/team')).toBeNull();
  });
});
