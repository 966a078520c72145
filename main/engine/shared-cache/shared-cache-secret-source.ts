import {
  readSharedCacheSecrets,
  sharedCacheSecretsFile,
  SIGNING_KEY_VARIABLE,
  TOKEN_VARIABLE,
  writeSharedCacheSecrets,
  type LoadedSharedCacheSecrets,
} from './shared-cache-secrets';
import type { SharedCacheSecrets } from './shared-cache-types';

/** A change of the secrets: a field left out keeps its value, null removes it. */
export type SharedCacheSecretsChange = Partial<SharedCacheSecrets>;

/** Keeps the shared cache's secrets in a host (the desktop app: safeStorage in its main process). */
export interface SharedCacheSecretKeeper {
  /** The stored secrets (none when nothing is stored, or it cannot be read on this machine). */
  load(): SharedCacheSecrets;
  /** Applies a change and stores the result; returns it. Throws a UserError when it cannot store. */
  save(change: SharedCacheSecretsChange): SharedCacheSecrets;
}

/**
 * Where a long-lived process (the service) finds the shared cache's secrets: the variables first, then the
 * secrets its host keeps (the desktop app, with safeStorage) once given, else the user's secrets file.
 */
export class SharedCacheSecretSource {
  private hostSecrets: SharedCacheSecrets | null = null;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The desktop app's secrets, decrypted by its main process; from now on they replace the file. */
  useHostSecrets(secrets: SharedCacheSecrets): void {
    this.hostSecrets = secrets;
  }

  /** Where saved secrets go: told to the admin, never the values. */
  keptIn(): string {
    return this.hostSecrets ? "the desktop app's safe storage" : sharedCacheSecretsFile(this.env);
  }

  /** The secrets and where each came from. Throws a UserError for a secrets file others can read. */
  read(): LoadedSharedCacheSecrets {
    if (!this.hostSecrets) return readSharedCacheSecrets(this.env);
    const pick = (key: keyof SharedCacheSecrets, variable: string) =>
      this.env[variable]
        ? { value: this.env[variable]!, from: variable }
        : { value: this.hostSecrets![key], from: this.hostSecrets![key] ? this.keptIn() : null };
    const token = pick('token', TOKEN_VARIABLE);
    const signingKey = pick('signingKey', SIGNING_KEY_VARIABLE);
    return {
      secrets: { token: token.value, signingKey: signingKey.value },
      from: { token: token.from, signingKey: signingKey.from },
    };
  }

  /** Saves a change into the user's secrets file (0600). A host that keeps the secrets saves them itself. */
  save(change: SharedCacheSecretsChange): void {
    if (change.token === undefined && change.signingKey === undefined) return;
    if (this.hostSecrets)
      throw new Error('the desktop app keeps the shared cache secrets: its main process saves them');
    let stored: SharedCacheSecrets = { token: null, signingKey: null };
    try {
      stored = readSharedCacheSecrets({ ...this.env, [TOKEN_VARIABLE]: '', [SIGNING_KEY_VARIABLE]: '' }).secrets;
    } catch {
      // A loose or damaged file is replaced whole.
    }
    writeSharedCacheSecrets({ ...stored, ...change }, this.env);
  }
}
