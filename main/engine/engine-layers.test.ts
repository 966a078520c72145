import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENGINE = __dirname;

/**
 * The engine's floors, lowest first: a folder (or a file at the engine's root) imports only from its own
 * floor's part and from the floors below it. Parts on one floor don't import each other. A rule that two
 * parts both need lives below both: the lock's refusal text beside the lock (store/lock-refusal.ts), the
 * steps of a run beside the run (preparation/run-steps.ts). Tests are not held to it: they arrange from above.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['errors.ts', 'engine-options.ts', 'name-list.ts', 'environment-location.ts', 'current-user.ts'],
  ['platform'],
  ['process'],
  // Who has the environment open (presence files), and what a full disk or a read-only folder means.
  ['environment-presence.ts'],
  ['environment-conditions.ts'],
  ['compiler'],
  // The shared cache's client speaks HTTP about compilations; the store keeps its settings and counts.
  ['shared-cache'],
  ['store'],
  ['compilation'],
  ['engine-context.ts'],
  // The test-only faults as the context's hooks (EngineContext.faults), built by whoever opens the context.
  ['test-faults.ts'],
  ['preparation'],
  ['upgrade'],
  // Import --force removes an interrupted upgrade's marker (upgrade/backup.ts).
  ['factory'],
  // Upload reads a module folder as the factory reader does; publish and delete ask the preparation's run.
  ['operations'],
  // A report reads a run as the preparation stores it.
  ['report'],
  ['queries'],
  // The shared cache a process opens for its runs (secrets from its variables or the user's file).
  ['default-shared-cache.ts'],
  ['open-environment.ts'],
];

/** The part of the engine a file belongs to: its top folder under main/engine, or the file itself at the root. */
function partOf(file: string): string {
  return path.relative(ENGINE, file).split(path.sep)[0];
}

function floorOf(part: string): number {
  return FLOORS.findIndex((floor) => floor.includes(part));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every import, export-from and dynamic import of an engine file that lands in another part of the engine. */
function importsAcrossParts(file: string): { from: string; to: string; spec: string }[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({ spec, target: path.resolve(path.dirname(file), spec) }))
    .filter(({ target }) => target.startsWith(ENGINE + path.sep))
    .map(({ spec, target }) => ({
      from: partOf(file),
      to: partOf(target.endsWith('.ts') ? target : `${target}.ts`),
      spec,
    }))
    .filter(({ from, to }) => from !== to);
}

describe('the engine’s layers', () => {
  const files = sourceFiles(ENGINE);

  it('places every folder and root file of the engine on a floor', () => {
    const parts = [...new Set(files.map(partOf))];
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.filter((part) => floorOf(part) === -1)).toEqual([]);
  });

  it('has no import that points up a floor or across one', () => {
    const arrows = files.flatMap((file) =>
      importsAcrossParts(file).map((arrow) => ({ file: path.relative(ENGINE, file), ...arrow })),
    );
    expect(arrows.length).toBeGreaterThan(50);
    const backArrows = arrows
      .filter(({ from, to }) => floorOf(to) >= floorOf(from))
      .map(
        ({ file, spec, from, to }) =>
          `${file} imports ${spec} (${from}, floor ${floorOf(from)} -> ${to}, floor ${floorOf(to)})`,
      );
    expect(backArrows).toEqual([]);
  });
});
