import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../engine/errors';
import type { SharedCacheSecretKeeper } from '../engine/shared-cache/shared-cache-secret-source';
import type { SharedCacheSecrets } from '../engine/shared-cache/shared-cache-types';

/** What the keeper needs of Electron's `safeStorage` (main process only): tests give their own. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const secretsSchema = z.object({ token: z.string().nullable(), signingKey: z.string().nullable() });
const NONE: SharedCacheSecrets = { token: null, signingKey: null };

/**
 * The desktop app's keeper: the secrets as one safeStorage-encrypted blob in `file` (in the app's user data
 * folder), written 0600 aside and renamed. Nothing is written in the clear: without encryption (a Linux session
 * with no keyring) saving is refused with the remedy.
 */
export function createSafeStorageSecretKeeper(options: {
  safeStorage: SafeStorageLike;
  file: string;
}): SharedCacheSecretKeeper {
  const { safeStorage, file } = options;
  const load = (): SharedCacheSecrets => {
    if (!fs.existsSync(file) || !safeStorage.isEncryptionAvailable()) return { ...NONE };
    try {
      return secretsSchema.parse(JSON.parse(safeStorage.decryptString(fs.readFileSync(file))));
    } catch {
      // Encrypted on another machine or by another user: as if none were stored.
      return { ...NONE };
    }
  };
  return {
    load,
    save(change) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new UserError(
          'not-available',
          "The shared cache's secrets cannot be stored: this system offers no encrypted storage to the app (on Linux, a keyring such as GNOME Keyring or KWallet). Use CONFIG_TOOL_CACHE_TOKEN and CONFIG_TOOL_CACHE_SIGNING_KEY, or 'config-tool cache login', instead.",
        );
      }
      const next = { ...load(), ...change };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      fs.writeFileSync(aside, safeStorage.encryptString(JSON.stringify(next)), { mode: 0o600 });
      fs.renameSync(aside, file);
      return next;
    },
  };
}
