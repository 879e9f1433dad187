import { safeStorage } from 'electron';
import { memoryVault, syncFolder, type PasswordVault } from '../sync/config';
import { cipherVault } from '../sync/vault';
import { safeStorageCipher } from '../security/safe-storage-cipher';

/**
 * The team password in the desktop app: sealed with safeStorage (the OS account's key store) in the
 * sync folder, never in a plain file. Where there is no key store (Linux without a keyring) it is kept
 * in memory and asked for after each start. Call after Electron's `ready`.
 */
export function teamPasswordVault(dataDir: string): PasswordVault {
  const cipher = safeStorageCipher(safeStorage);
  return cipher ? cipherVault(cipher, syncFolder(dataDir)) : memoryVault();
}
