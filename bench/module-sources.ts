/**
 * TypeScript source templates for generated modules (synthetic bench factories and the demo environment).
 *
 * A module is assembled from sections (types, records, a kind-specific part, the use of its producers, …);
 * each section lands in its own file while the module has files to spare, the rest are merged into
 * index.ts. Imports (runtime, producers, relative) are derived from what each file's code uses, so any
 * split compiles with `strict` and never imports something it does not use.
 */

import { kindSection } from './module-kind-sections';
import {
  coreSection,
  indexSection,
  producersSection,
  removedApiSection,
  typesSection,
  utilSections,
  type Section,
} from './module-source-sections';
import type { ModuleSourceSpec } from './module-spec';

export { constantCase } from './module-source-sections';

const RUNTIME_FUNCTIONS = [
  'log',
  'queryEntities',
  'saveEntity',
  'httpGet',
  'httpPost',
  'setTimer',
  'formatDate',
  'getCurrentUser',
  'sendMailLegacy',
  'getSessionValue',
  'setSessionValue',
];
const RUNTIME_TYPES = ['EntityRecord', 'HttpResponse', 'CurrentUser'];
// A runtime function counts as used when it is called, not when its name shows up in a message.
const RUNTIME_CALLS = new Map(RUNTIME_FUNCTIONS.map((name) => [name, new RegExp('\\b' + name + '\\s*[(<]')]));

/** Renders a module's files: path under src/ -> content. index.ts is always present. */
export function renderModuleSources(spec: ModuleSourceSpec): Record<string, string> {
  const optional = [coreSection(spec), kindSection(spec)];
  if (spec.producers.length > 0) optional.push(producersSection(spec));
  if (spec.removedApi) optional.push(removedApiSection(spec, spec.removedApi));
  const sections = [typesSection(spec), ...optional];
  const spareFiles = Math.max(0, spec.fileCount - 1 - sections.length);
  const utils = utilSections(spareFiles + (spec.variant % 2), spec.variant);
  sections.push(...utils);
  sections.push(indexSection(spec, utils));

  // The first fileCount-1 sections keep their own file; later ones are merged into index.ts.
  let ownFiles = Math.max(0, spec.fileCount - 1);
  const byFile = new Map<string, Section[]>();
  for (const section of sections) {
    let file = 'index.ts';
    if (section.file !== 'index.ts' && ownFiles > 0) {
      file = section.file;
      ownFiles--;
    }
    const list = byFile.get(file) ?? [];
    list.push({ ...section, file });
    byFile.set(file, list);
  }
  const placed = [...byFile.values()].flat();
  const definedIn = new Map<string, { file: string; type: boolean; public: boolean }>();
  for (const section of placed) {
    for (const d of section.defines) definedIn.set(d.name, { file: section.file, type: d.type, public: d.public });
  }

  const files: Record<string, string> = {};
  for (const [file, fileSections] of byFile) {
    files[file] = assembleFile(file, fileSections, definedIn);
  }
  return sortKeys(files);
}

function assembleFile(
  file: string,
  sections: Section[],
  definedIn: Map<string, { file: string; type: boolean; public: boolean }>,
): string {
  const body = sections.map((s) => s.code.trim()).join('\n\n');
  const header: string[] = [];

  // One pass over the identifiers keeps generating 10,000 modules fast (a RegExp per name does not).
  const identifiers = new Set(body.match(/[A-Za-z_$][\w$]*/g));
  const runtime = [
    ...RUNTIME_FUNCTIONS.filter((name) => identifiers.has(name) && RUNTIME_CALLS.get(name)?.test(body)),
    ...RUNTIME_TYPES.filter((name) => identifiers.has(name)).map((name) => 'type ' + name),
  ];
  if (runtime.length > 0) header.push(importLine(runtime, '@platform/runtime'));

  const producerImports = new Map<string, string[]>();
  for (const section of sections) {
    for (const [module, names] of section.producerImports ?? []) {
      producerImports.set(module, [...(producerImports.get(module) ?? []), ...names]);
    }
  }
  for (const module of [...producerImports.keys()].sort()) {
    header.push(importLine(producerImports.get(module) ?? [], '@modules/' + module));
  }

  const relative = new Map<string, string[]>();
  for (const [name, where] of definedIn) {
    if (where.file === file || !identifiers.has(name)) continue;
    relative.set(where.file, [...(relative.get(where.file) ?? []), where.type ? 'type ' + name : name]);
  }
  for (const other of [...relative.keys()].sort()) {
    header.push(importLine(relative.get(other) ?? [], './' + other.replace(/\.ts$/, '')));
  }

  const reexports: string[] = [];
  if (file === 'index.ts') {
    const byOther = new Map<string, { values: string[]; types: string[] }>();
    for (const [name, where] of definedIn) {
      if (where.file === file || !where.public) continue;
      const entry = byOther.get(where.file) ?? { values: [], types: [] };
      (where.type ? entry.types : entry.values).push(name);
      byOther.set(where.file, entry);
    }
    for (const other of [...byOther.keys()].sort()) {
      const entry = byOther.get(other);
      const from = "'./" + other.replace(/\.ts$/, '') + "'";
      if (entry && entry.values.length > 0)
        reexports.push('export { ' + entry.values.join(', ') + ' } from ' + from + ';');
      if (entry && entry.types.length > 0) {
        reexports.push('export type { ' + entry.types.join(', ') + ' } from ' + from + ';');
      }
    }
  }

  const parts = [header.join('\n'), reexports.join('\n'), body].filter((part) => part.length > 0);
  return parts.join('\n\n') + '\n';
}

function importLine(names: string[], from: string): string {
  const unique = [...new Set(names)];
  const allTypes = unique.every((name) => name.startsWith('type '));
  if (allTypes) return 'import type { ' + unique.map((n) => n.slice(5)).join(', ') + " } from '" + from + "';";
  return 'import { ' + unique.join(', ') + " } from '" + from + "';";
}

function sortKeys(files: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(files).sort()) sorted[key] = files[key] as string;
  return sorted;
}
