import { compilationDigest } from '../compiler/compilation-digest';
import {
  ArtifactRefused,
  DEFAULT_ARTIFACT_LIMITS,
  packArtifact,
  unpackArtifact,
  type ArtifactLimits,
} from './artifact-archive';
import { hasValidSignature, signArtifact } from './artifact-signature';
import { BoundedConcurrency } from './bounded-concurrency';
import {
  downloadArtifact,
  uploadArtifact,
  type CacheFault,
  type DownloadOutcome,
  type RemoteCacheEndpoint,
} from './remote-cache-api';
import type {
  SharedCacheCounts,
  SharedCacheMode,
  SharedCompilation,
  SharedCompilationCache,
} from './shared-cache-types';

/** How a client talks to its server; every field but the name has a default. */
export interface SharedCacheClientOptions {
  /** Written into every upload's origin: "reused from the shared cache (Acme QA)". */
  environmentName: string;
  /** Each request is given up after this long (default 10 s). */
  requestTimeoutMs?: number;
  /** Lookups in flight at once (default 16). */
  lookupConcurrency?: number;
  /** Uploads in flight at once (default 4). */
  uploadConcurrency?: number;
  limits?: Partial<ArtifactLimits>;
  /** Faults in a row after which the cache is not asked again in this run (default 3). */
  maxConsecutiveFaults?: number;
  /** Told of each refused download and why, for the run's log. */
  onRefused?: (inputHash: string, reason: string) => void;
}

/** A client's endpoint, mode and signing key, from the settings and secrets. */
export interface SharedCacheConnection {
  endpoint: RemoteCacheEndpoint;
  mode: Exclude<SharedCacheMode, 'off'>;
  signingKey: string | null;
}

/**
 * The shared cache over the Turborepo remote cache API. Each lookup ends in exactly one of hits, misses,
 * refused or errors; each offer in uploaded or errors (read-only: never sent). After a fault that will
 * not pass (401/403) or a few in a row, the server is not asked again in this run: what is left counts as
 * errors, so a server that went down costs a run a few requests, not one timeout per module.
 */
export class RemoteSharedCompilationCache implements SharedCompilationCache {
  readonly mode: Exclude<SharedCacheMode, 'off'>;
  private readonly tally: SharedCacheCounts = { hits: 0, misses: 0, refused: 0, uploaded: 0, errors: 0 };
  private firstFault: string | null = null;
  private faultsInARow = 0;
  private givenUp = false;
  private readonly lookups: BoundedConcurrency;
  private readonly uploads: BoundedConcurrency;
  private dropUploads = new AbortController();
  private readonly limits: ArtifactLimits;

  constructor(
    private readonly connection: SharedCacheConnection,
    private readonly options: SharedCacheClientOptions,
  ) {
    this.mode = connection.mode;
    this.lookups = new BoundedConcurrency(options.lookupConcurrency ?? 16);
    this.uploads = new BoundedConcurrency(options.uploadConcurrency ?? 4);
    this.limits = { ...DEFAULT_ARTIFACT_LIMITS, ...options.limits };
  }

  /** A cache that cannot be used at all (its settings are incomplete): every lookup is an error. */
  static unusable(mode: Exclude<SharedCacheMode, 'off'>, reason: string): RemoteSharedCompilationCache {
    const endpoint = { url: '', team: '', token: null, requestTimeoutMs: 1 };
    const cache = new RemoteSharedCompilationCache({ endpoint, mode, signingKey: null }, { environmentName: '' });
    cache.giveUp(reason);
    return cache;
  }

  async lookup(inputHashes: readonly string[]): Promise<Map<string, SharedCompilation>> {
    const found = new Map<string, SharedCompilation>();
    await Promise.all(
      [...new Set(inputHashes)].map((hash) =>
        this.lookups.run(async () => {
          const compilation = await this.lookupOne(hash);
          if (compilation) found.set(hash, compilation);
        }),
      ),
    );
    return found;
  }

  offer(compilation: Omit<SharedCompilation, 'origin'>): void {
    if (this.mode !== 'read-write') return;
    const drop = this.dropUploads.signal;
    // In the background: nothing may reject unheard (an unhandled rejection ends the process).
    void this.uploads.run(() => this.uploadOne(compilation, drop)).catch(() => this.count('errors'));
  }

  async flush(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    const late = await Promise.race([this.uploads.idle().then(() => false), timedOut]);
    clearTimeout(timer);
    if (!late) return;
    // What is left is dropped: the waiting uploads never start, the running ones are cut off.
    this.dropUploads.abort();
    await this.uploads.idle();
    this.dropUploads = new AbortController();
  }

  counts(): SharedCacheCounts {
    return { ...this.tally };
  }

  unavailableReason(): string | null {
    return this.firstFault;
  }

  private async lookupOne(hash: string): Promise<SharedCompilation | null> {
    if (this.givenUp) return this.count('errors');
    const outcome = await downloadArtifact(this.connection.endpoint, hash, this.limits.maxArtifactBytes);
    if (outcome.kind === 'fault') return this.fault(outcome.fault);
    this.faultsInARow = 0;
    if (outcome.kind === 'not-found') return this.count('misses');
    try {
      const compilation = await this.verified(hash, outcome);
      this.tally.hits += 1;
      return compilation;
    } catch (error) {
      // Whatever an artifact does to the reader (even an unforeseen error) makes it a refused one, never a throw.
      const reason = error instanceof ArtifactRefused ? error.reason : `unreadable (${String(error)})`;
      this.options.onRefused?.(hash, reason);
      return this.count('refused');
    }
  }

  /** The artifact's compilation once every rule holds; throws ArtifactRefused otherwise. */
  private async verified(
    hash: string,
    outcome: Exclude<DownloadOutcome, { kind: 'fault' | 'not-found' }>,
  ): Promise<SharedCompilation> {
    if (outcome.kind === 'too-large') throw new ArtifactRefused(`larger than ${this.limits.maxArtifactBytes} bytes`);
    const { signingKey, endpoint } = this.connection;
    if (signingKey) {
      const signed = { inputHash: hash, team: endpoint.team, bytes: outcome.bytes };
      if (!hasValidSignature(signingKey, signed, outcome.tag)) {
        throw new ArtifactRefused(outcome.tag ? 'a wrong signature' : 'no signature');
      }
    }
    const compilation = await unpackArtifact(outcome.bytes, this.limits);
    if (compilation.inputHash !== hash) throw new ArtifactRefused('the compilation of another input hash');
    if (compilationDigest(compilation.content) !== compilation.digest) {
      throw new ArtifactRefused('a content that does not match its digest');
    }
    return compilation;
  }

  private async uploadOne(compilation: Omit<SharedCompilation, 'origin'>, drop: AbortSignal): Promise<void> {
    if (this.givenUp || drop.aborted) return void this.count('errors');
    const origin = { environment: this.options.environmentName, uploadedAt: new Date().toISOString() };
    const bytes = await packArtifact({ ...compilation, origin });
    // Every reader would refuse it: not worth the upload.
    if (bytes.length > this.limits.maxArtifactBytes) return;
    const { signingKey, endpoint } = this.connection;
    const tag = signingKey
      ? signArtifact(signingKey, { inputHash: compilation.inputHash, team: endpoint.team, bytes })
      : null;
    const outcome = await uploadArtifact(endpoint, { hash: compilation.inputHash, bytes, tag, abort: drop });
    if (outcome.kind === 'stored') {
      this.faultsInARow = 0;
      this.tally.uploaded += 1;
    } else if (drop.aborted) {
      this.count('errors');
    } else {
      this.fault(outcome.fault);
    }
  }

  private count(what: 'misses' | 'refused' | 'errors'): null {
    this.tally[what] += 1;
    return null;
  }

  private fault(fault: CacheFault): null {
    this.firstFault ??= fault.reason;
    this.faultsInARow += 1;
    if (fault.refusesUs || this.faultsInARow >= (this.options.maxConsecutiveFaults ?? 3)) this.giveUp(fault.reason);
    return this.count('errors');
  }

  private giveUp(reason: string): void {
    this.firstFault ??= reason;
    this.givenUp = true;
  }
}
