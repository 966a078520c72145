import { randomBytes } from 'node:crypto';
import { compilationDigest, type CompilationContent } from '../main/engine/compiler/compilation-digest';
import type { SharedCompilation } from '../main/engine/shared-cache/shared-cache-types';

/** A random input hash, as computeInputHash makes them (64 hex digits). */
export function randomInputHash(): string {
  return randomBytes(32).toString('hex');
}

/** A compilation as the engine offers it: its content, the digest of that content, a fresh input hash. */
export function sampleCompilation(
  overrides: { inputHash?: string; content?: Partial<CompilationContent> } = {},
): Omit<SharedCompilation, 'origin'> {
  const content: CompilationContent = {
    success: true,
    interfaceHash: 'f'.repeat(64),
    js: { 'src/index.js': 'export const answer = 42;\n' },
    declarations: { 'index.d.ts': 'export declare const answer = 42;\n' },
    diagnostics: [],
    ...overrides.content,
  };
  return {
    inputHash: overrides.inputHash ?? randomInputHash(),
    platformVersion: '11.13.0',
    digest: compilationDigest(content),
    content,
    durationMs: 812,
  };
}
