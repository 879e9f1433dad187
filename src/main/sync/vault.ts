import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cipher } from '../store/cipher';
import { atomicWrite } from '../store/atomic-write';
import type { PasswordVault } from './config';

/**
 * A vault that remembers the team password sealed by a cipher from the operating system account's key
 * store (the desktop app's safeStorage), one file per account in the sync folder. Only that account on
 * that computer can read it back; the file alone is useless.
 */
export function cipherVault(cipher: Cipher, folder: string): PasswordVault {
  const file = (account: string) => join(folder, `password-${createHash('sha1').update(account).digest('hex').slice(0, 16)}.sealed`);
  return {
    remembers: true,
    async get(account) {
      const sealed = await readFile(file(account)).catch(() => null);
      if (!sealed) return null;
      try {
        return cipher.decrypt(sealed).toString('utf8');
      } catch {
        return null; // sealed by another account or damaged: ask again
      }
    },
    async set(account, password) {
      await mkdir(folder, { recursive: true });
      await atomicWrite(file(account), cipher.encrypt(Buffer.from(password, 'utf8')));
    },
    async clear(account) {
      await rm(file(account), { force: true });
    },
  };
}
