import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { safeStorageCipher, type SafeStorageLike } from './safe-storage-cipher';
import { testCipher } from '../../../tests/helpers/test-cipher';

/** Behaves like Electron's safeStorage: strings in, opaque bytes out, a throw for bytes sealed with another key. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike & { sealedStrings: string[] } {
  const key = testCipher();
  const sealedStrings: string[] = [];
  return {
    sealedStrings,
    isEncryptionAvailable: () => available,
    encryptString: (plainText) => {
      sealedStrings.push(plainText);
      return key.encrypt(Buffer.from(plainText, 'utf8'));
    },
    decryptString: (encrypted) => key.decrypt(encrypted).toString('utf8'),
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
  };
}

describe('the safeStorage cipher', () => {
  it('round-trips any bytes, gzip and invalid UTF-8 included, through base64 strings', () => {
    const storage = fakeSafeStorage(true);
    const cipher = safeStorageCipher(storage, 'win32');
    expect(cipher).toBeDefined();
    const bytes = Buffer.concat([Buffer.from([0x1f, 0x8b, 0xff, 0xfe, 0x00, 0xc3]), randomBytes(5000)]);
    const sealed = cipher!.encrypt(bytes);
    expect(sealed.includes(bytes.subarray(0, 64))).toBe(false);
    expect(cipher!.decrypt(sealed).equals(bytes)).toBe(true);
    expect(storage.sealedStrings[0]).toBe(bytes.toString('base64'));
  });

  it('throws for bytes sealed with another key, and for a decryption that is not base64', () => {
    const mine = safeStorageCipher(fakeSafeStorage(true), 'darwin')!;
    const theirs = safeStorageCipher(fakeSafeStorage(true), 'darwin')!;
    expect(() => mine.decrypt(theirs.encrypt(Buffer.from('{"notes":[]}')))).toThrow();
    const odd = fakeSafeStorage(true);
    const lenient = safeStorageCipher({ ...odd, decryptString: () => 'not base64 at all!' }, 'darwin')!;
    expect(() => lenient.decrypt(Buffer.from('x'))).toThrow(/not what Liaison Desk sealed/);
  });

  it('is unavailable without an OS key store, and on Linux with the basic_text backend (or none named)', () => {
    expect(safeStorageCipher(fakeSafeStorage(false), 'win32')).toBeUndefined();
    expect(safeStorageCipher(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(safeStorageCipher(fakeSafeStorage(true), 'linux')).toBeUndefined();
    expect(safeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux')).toBeDefined();
    expect(safeStorageCipher(fakeSafeStorage(true, 'kwallet5'), 'linux')).toBeDefined();
  });
});
