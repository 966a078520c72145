import { createHash } from 'node:crypto';

/**
 * The digest of a module version's source files (stored with it as module_versions.source_hash):
 * every path and content, sorted by path. What a compilation's identity covers of its sources
 * (computeInputHash), so a stored compilation is found without reading the sources back.
 */
export function hashSources(sources: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const path of Object.keys(sources).sort()) hash.update(path).update('\0').update(sources[path]).update('\0');
  return hash.digest('hex');
}
