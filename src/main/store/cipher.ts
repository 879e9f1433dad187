import { AppError } from '../../shared/api/result';

/**
 * Seals and opens bytes with a key the store never sees. The desktop app gives one backed by the
 * operating system account's key store (src/main/security/safe-storage-cipher.ts); tests give AES-GCM.
 * `decrypt` throws when the bytes were sealed with another key or are damaged.
 */
export interface Cipher {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/**
 * What the store's writes do now. One object shared by every file adapter of a store, so turning
 * encryption on or off changes the next write of each file without rebuilding the adapters.
 */
export interface Sealing {
  cipher?: Cipher;
  on: boolean;
}

/** The start of every sealed file. Plain JSON starts with `{` and gzip with 0x1f 0x8b, so files can be told apart one by one. */
export const SEALED_MAGIC = Buffer.from('LDENC1\n', 'ascii');

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= SEALED_MAGIC.length && SEALED_MAGIC.equals(bytes.subarray(0, SEALED_MAGIC.length));
}

export function seal(cipher: Cipher, plain: Buffer): Buffer {
  return Buffer.concat([SEALED_MAGIC, cipher.encrypt(plain)]);
}

/** A sealed file's contents could not be decrypted: another account's key, or damaged bytes. */
export class UndecryptableError extends Error {
  constructor(cause: unknown) {
    super('the file is encrypted but could not be decrypted (it was sealed with another key, or it is damaged)', { cause });
    this.name = 'UndecryptableError';
  }
}

/** Opens sealed bytes; plain bytes come back as they are. Without a cipher a sealed file stops everything, changing nothing. */
export function unseal(bytes: Buffer, cipher: Cipher | undefined): Buffer {
  if (!isSealed(bytes)) return bytes;
  if (!cipher) throw encryptedStoreError();
  try {
    return cipher.decrypt(bytes.subarray(SEALED_MAGIC.length));
  } catch (error) {
    throw new UndecryptableError(error);
  }
}

export function encryptedStoreError(): AppError {
  return new AppError(
    'unreadable',
    "This data folder is encrypted with the desktop app's protection for one Windows, macOS or Linux user account; open it in the Liaison Desk desktop app on that account.",
  );
}
