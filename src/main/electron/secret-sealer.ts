/**
 * Seals the province tokens with Electron's safeStorage: DPAPI on Windows, the Keychain on macOS,
 * libsecret or kwallet on Linux. Where Linux has no keyring, safeStorage falls back to a fixed
 * key ('basic_text'): then the file's 0600 mode is the real protection, and the connection screen
 * says so. Call only after `app` is ready.
 */
import { safeStorage } from 'electron'
import type { SecretSealer } from '../services/province/province-account'

export function createKeychainSealer(): SecretSealer {
  const isKeychain =
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text')
  return {
    protection: isKeychain ? 'os-keychain' : 'owner-only-file',
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  }
}
