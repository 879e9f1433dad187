import type { Cipher } from '../store/cipher';

/** The part of Electron's `safeStorage` the cipher uses; tests pass a fake. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A cipher backed by the operating system account's key store (DPAPI on Windows, the Keychain on
 * macOS, the Secret Service or KWallet on Linux), or undefined where there is none. On Linux
 * `basic_text` means a key written in Chromium's source, which protects nothing, so it counts as none.
 * Call it after Electron's `ready`: before that Linux has not chosen a backend.
 *
 * safeStorage seals strings, so bytes go through base64 (any bytes, 4/3 the size); the decrypted
 * string is checked to be base64, because Node decodes anything else leniently into wrong bytes.
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Cipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && (safeStorage.getSelectedStorageBackend?.() ?? 'basic_text') === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => {
      const text = safeStorage.decryptString(sealed);
      if (!BASE64.test(text)) throw new Error('the decrypted contents are not what Liaison Desk sealed');
      return Buffer.from(text, 'base64');
    },
  };
}
