import { createHash, type Hash } from 'node:crypto';
import type { CompileResult } from './compile-types';

/** What a stored compilation holds, as its digest covers it (spec §4d). */
export type CompilationContent = Pick<
  CompileResult,
  'success' | 'interfaceHash' | 'js' | 'declarations' | 'diagnostics'
>;

function field(hash: Hash, value: string): void {
  hash.update(`${Buffer.byteLength(value)}:`);
  hash.update(value);
}

function files(hash: Hash, label: string, entries: Record<string, string>): void {
  const keys = Object.keys(entries).sort();
  field(hash, `${label} ${keys.length}`);
  for (const key of keys) {
    field(hash, key);
    field(hash, entries[key]!);
  }
}

/**
 * sha256 over what a compilation holds: outcome, interface hash, emitted files, declarations and
 * diagnostics, each length-prefixed, files by sorted path. Stored with the compilation and checked
 * before any reuse, so a changed byte is never deployed.
 */
export function compilationDigest(content: CompilationContent): string {
  const hash = createHash('sha256');
  field(hash, `compilation v1 ${content.success ? 'success' : 'failure'}`);
  field(hash, content.interfaceHash ?? '');
  files(hash, 'js', content.js);
  files(hash, 'declarations', content.declarations);
  field(hash, `diagnostics ${content.diagnostics.length}`);
  for (const d of content.diagnostics)
    field(hash, JSON.stringify([d.message, d.file ?? null, d.line ?? null, d.column ?? null]));
  return hash.digest('hex');
}
