import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSafeStorageSecretKeeper, type SafeStorageLike } from './safe-storage-secrets';

/** safeStorage as data (no Electron binary runs here): AES with a key the "keychain" holds. */
function fakeSafeStorage(available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => {
      const iv = randomBytes(16);
      const cipher = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]);
    },
    decryptString: (data) => {
      const decipher = createDecipheriv('aes-256-cbc', key, data.subarray(0, 16));
      return Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]).toString('utf8');
    },
  };
}

describe("the desktop app's shared cache secrets", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const file = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-tool-safe-storage-'));
    dirs.push(dir);
    return path.join(dir, 'shared-cache-secrets.bin');
  };

  it('are stored encrypted, 0600, and read back; a change keeps what it does not name', () => {
    const at = file();
    const keeper = createSafeStorageSecretKeeper({ safeStorage: fakeSafeStorage(), file: at });
    expect(keeper.load()).toEqual({ token: null, signingKey: null });
    keeper.save({ token: 'tok-plain-1', signingKey: 'key-plain-2' });
    expect(keeper.save({ token: 'tok-plain-3' })).toEqual({ token: 'tok-plain-3', signingKey: 'key-plain-2' });
    expect(keeper.load()).toEqual({ token: 'tok-plain-3', signingKey: 'key-plain-2' });
    const stored = fs.readFileSync(at, 'latin1');
    expect(stored).not.toContain('tok-plain');
    expect(stored).not.toContain('key-plain');
    expect(fs.statSync(at).mode & 0o777).toBe(0o600);
  });

  it('are none when the file was encrypted elsewhere, and never saved in the clear without encryption', () => {
    const at = file();
    createSafeStorageSecretKeeper({ safeStorage: fakeSafeStorage(), file: at }).save({ token: 't' });
    expect(createSafeStorageSecretKeeper({ safeStorage: fakeSafeStorage(), file: at }).load()).toEqual({
      token: null,
      signingKey: null,
    });
    const unavailable = createSafeStorageSecretKeeper({ safeStorage: fakeSafeStorage(false), file: file() });
    expect(() => unavailable.save({ token: 't' })).toThrow('no encrypted storage');
  });
});
