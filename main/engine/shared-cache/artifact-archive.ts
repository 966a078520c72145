import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { z } from 'zod';
import type { SharedCompilation } from './shared-cache-types';

/**
 * A compilation's artifact is a few kB: gzip'd and gunzip'd on this thread (tens of µs), not through the thread
 * pool, whose hand-off cost a lookup more than the inflating itself. Level 1: most of the size for a fraction of
 * the CPU, so an upload takes less from the compiler.
 */
const GZIP_LEVEL = 1;

/** The two entries of an artifact, a gzip'd tar as Turborepo's own artifacts are. */
export const MANIFEST_ENTRY = 'manifest.json';
export const CONTENT_ENTRY = 'compilation.json';
const ENTRIES = [MANIFEST_ENTRY, CONTENT_ENTRY] as const;

/** How large an artifact may be: as downloaded (gzip'd) and unpacked. */
export interface ArtifactLimits {
  maxArtifactBytes: number;
  maxUnpackedBytes: number;
}

export const DEFAULT_ARTIFACT_LIMITS: ArtifactLimits = {
  maxArtifactBytes: 64 * 1024 * 1024,
  maxUnpackedBytes: 256 * 1024 * 1024,
};

/** A downloaded artifact that breaks the rules: refused, never used. `reason` names the rule. */
export class ArtifactRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ArtifactRefused';
  }
}

/** tar-stream, loaded at the first artifact: a command that never uses the cache starts without it. */
async function tarStream(): Promise<typeof import('tar-stream')> {
  return (await import('tar-stream')).default;
}

/** Packs a compilation into the artifact uploaded under its input hash: manifest and content, gzip'd tar. */
export async function packArtifact(compilation: SharedCompilation): Promise<Buffer> {
  const { content, ...rest } = compilation;
  const manifest = { format: 1, ...rest };
  const pack = (await tarStream()).pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => pack.on('end', resolve).on('error', reject));
  const mtime = new Date(compilation.origin.uploadedAt);
  pack.entry({ name: MANIFEST_ENTRY, mtime }, JSON.stringify(manifest));
  pack.entry({ name: CONTENT_ENTRY, mtime }, JSON.stringify(content));
  pack.finalize();
  await ended;
  return zlib.gzipSync(Buffer.concat(chunks), { level: GZIP_LEVEL });
}

function checkEntryName(name: string, seen: ReadonlySet<string>): void {
  const normalized = path.posix.normalize(name.replaceAll('\\', '/'));
  if (path.posix.isAbsolute(normalized) || /^[A-Za-z]:/.test(name) || normalized.split('/').includes('..')) {
    throw new ArtifactRefused(`an entry outside the artifact (${JSON.stringify(name)})`);
  }
  if (!(ENTRIES as readonly string[]).includes(name)) {
    throw new ArtifactRefused(`an unexpected entry (${JSON.stringify(name)})`);
  }
  if (seen.has(name)) throw new ArtifactRefused(`a duplicate entry (${JSON.stringify(name)})`);
}

async function readEntries(tarBytes: Buffer): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const extract = (await tarStream()).extract();
  Readable.from([tarBytes]).pipe(extract);
  for await (const entry of extract) {
    const { name, type } = entry.header;
    checkEntryName(name, new Set(entries.keys()));
    if (type !== 'file') throw new ArtifactRefused(`an entry that is not a file (${name}: ${type})`);
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.set(name, Buffer.concat(chunks).toString('utf8'));
  }
  return entries;
}

async function unpackTar(bytes: Buffer, limits: ArtifactLimits): Promise<Buffer> {
  if (bytes.length > limits.maxArtifactBytes) {
    throw new ArtifactRefused(`larger than ${limits.maxArtifactBytes} bytes`);
  }
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: limits.maxUnpackedBytes });
  } catch (error) {
    if (error instanceof RangeError) throw new ArtifactRefused(`unpacks to more than ${limits.maxUnpackedBytes} bytes`);
    throw new ArtifactRefused('not a gzip archive, or a damaged one');
  }
}

function parseEntry<T>(entries: Map<string, string>, name: string, schema: z.ZodType<T>): T {
  const text = entries.get(name);
  if (text === undefined) throw new ArtifactRefused(`no ${name}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ArtifactRefused(`${name} is not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ArtifactRefused(`${name} is not as expected`);
  return parsed.data;
}

/**
 * Unpacks a downloaded artifact, enforcing its rules: size (packed and unpacked), exactly the two known
 * entries, plain files, none outside the artifact or repeated, both as their schema says. Throws
 * ArtifactRefused otherwise. The digest and input hash are checked by the caller, who knows what it asked.
 */
export async function unpackArtifact(
  bytes: Buffer,
  limits: ArtifactLimits = DEFAULT_ARTIFACT_LIMITS,
): Promise<SharedCompilation> {
  const tarBytes = await unpackTar(bytes, limits);
  let entries: Map<string, string>;
  try {
    entries = await readEntries(tarBytes);
  } catch (error) {
    if (error instanceof ArtifactRefused) throw error;
    throw new ArtifactRefused('not a tar archive, or a damaged one');
  }
  // The schemas (and zod) load with the first download: a command that never uses the cache starts without them.
  const { manifestSchema, contentSchema } = await import('./artifact-schemas');
  const { format: _format, ...manifest } = parseEntry(entries, MANIFEST_ENTRY, manifestSchema);
  const content = parseEntry(entries, CONTENT_ENTRY, contentSchema);
  return { ...manifest, content };
}
