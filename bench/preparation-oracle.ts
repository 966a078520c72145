import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../main/engine/platform/platform-versions';

/** The status a module must end with after preparing for 11.12.0 or later. */
export type ExpectedStatus = 'prepared' | 'failed' | 'skipped' | 'excluded';

/** What the oracle needs to know about a module. */
export interface OracleModule {
  name: string;
  state: string;
  references: string[];
  /** Calls an API removed in 11.12.0, so it cannot compile there. */
  usesRemovedApi: boolean;
  /** Formats a date with month names through `formatDate`, which 11.17.0 no longer accepts. */
  usesDateTextPattern?: boolean;
}

/** A module read back from a factory folder. */
export interface FactoryModuleInfo extends OracleModule {
  application: string;
  kind: string;
  /** Source files under src/, relative, sorted. */
  files: string[];
}

const REMOVED_API_CALL = /\b(sendMailLegacy|getSessionValue|setSessionValue)\s*\(/;

const DATE_TEXT_PATTERN = /\bformatDate\s*\([^;]*'[^']*(MMM|EEE)[^']*'\s*\)/;

/** True when a module's source passes `formatDate` a pattern with month or day names (refused from 11.17.0). */
export function usesDateTextPattern(source: string): boolean {
  return DATE_TEXT_PATTERN.test(source);
}

/** True when a module's source calls an API that 11.12.0 removed. */
export function usesRemovedApi(source: string): boolean {
  return REMOVED_API_CALL.test(source);
}

/**
 * The expected statuses of a preparation for `targetVersion` (11.12.0+; from 11.17.0 a `formatDate` pattern with
 * month or day names breaks too). Modules not published are `excluded`. Among published
 * modules, the members of a reference cycle are prepared together, as one: the component is `skipped` when a
 * producer outside it, directly or transitively, is not prepared (a missing or unpublished producer counts as
 * not prepared); otherwise `failed` when any member uses a removed API (for a cycle, all its members fail,
 * and a module referencing itself fails too); `prepared` otherwise.
 */
export function computeExpectedPreparation(
  modules: OracleModule[],
  targetVersion = '11.13.0',
): Record<string, ExpectedStatus> {
  const dateTextRefused = compareVersions(targetVersion, '11.17.0') >= 0;
  const breaks = (m: OracleModule): boolean => m.usesRemovedApi || (dateTextRefused && m.usesDateTextPattern === true);
  const status = new Map<string, ExpectedStatus>();
  for (const m of modules) if (m.state !== 'published') status.set(m.name, 'excluded');
  // Cycles are found among published modules only: the engine prepares just those.
  const published = modules.filter((m) => m.state === 'published');
  const byName = new Map(published.map((m) => [m.name, m]));
  // Tarjan emits components producers-first (edges point from consumer to producer), so every producer
  // outside the component already has its status when the component is decided.
  for (const component of stronglyConnectedComponents(published, byName)) {
    const members = new Set(component);
    const selfReference =
      component.length === 1 &&
      (byName.get(component[0] as string) as OracleModule).references.includes(component[0] as string);
    const outside = component.flatMap((name) =>
      (byName.get(name) as OracleModule).references.filter((ref) => !members.has(ref)),
    );
    // A module is compiled against its producers' declarations, so without them it is never compiled.
    const verdict: ExpectedStatus = outside.some((ref) => status.get(ref) !== 'prepared')
      ? 'skipped'
      : selfReference || component.some((name) => breaks(byName.get(name) as OracleModule))
        ? 'failed'
        : 'prepared';
    for (const name of component) status.set(name, verdict);
  }
  const result: Record<string, ExpectedStatus> = {};
  for (const m of [...modules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    result[m.name] = status.get(m.name) as ExpectedStatus;
  }
  return result;
}

/** Iterative Tarjan (a recursive one overflows the stack on 10,000-module chains). */
function stronglyConnectedComponents(modules: OracleModule[], byName: Map<string, OracleModule>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of modules) {
    if (index.has(root.name)) continue;
    const work: { name: string; next: number }[] = [{ name: root.name, next: 0 }];
    index.set(root.name, counter);
    low.set(root.name, counter++);
    stack.push(root.name);
    onStack.add(root.name);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { name: string; next: number };
      const refs = (byName.get(frame.name) as OracleModule).references.filter((ref) => byName.has(ref));
      if (frame.next < refs.length) {
        const ref = refs[frame.next++] as string;
        if (!index.has(ref)) {
          index.set(ref, counter);
          low.set(ref, counter++);
          stack.push(ref);
          onStack.add(ref);
          work.push({ name: ref, next: 0 });
        } else if (onStack.has(ref)) {
          low.set(frame.name, Math.min(low.get(frame.name) as number, index.get(ref) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name) as number, low.get(frame.name) as number));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        components.push(component);
      }
    }
  }
  return components;
}

function listFiles(root: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, prefix), { withFileTypes: true })) {
    const path = prefix ? prefix + '/' + entry.name : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(root, path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files.sort();
}

/** Reads a factory folder back (manifests, source file lists, removed-API use), modules sorted by name. */
export function readFactory(dir: string): {
  environment: { name: string; platformVersion: string };
  modules: FactoryModuleInfo[];
} {
  const environment = JSON.parse(readFileSync(join(dir, 'environment.json'), 'utf8')) as {
    name: string;
    platformVersion: string;
  };
  const modulesDir = join(dir, 'modules');
  const names = existsSync(modulesDir) ? readdirSync(modulesDir).sort() : [];
  const modules = names.map((folder): FactoryModuleInfo => {
    const manifest = JSON.parse(readFileSync(join(modulesDir, folder, 'module.json'), 'utf8')) as Omit<
      FactoryModuleInfo,
      'files' | 'usesRemovedApi' | 'usesDateTextPattern'
    >;
    const srcDir = join(modulesDir, folder, 'src');
    const files = existsSync(srcDir) ? listFiles(srcDir) : [];
    const sources = files.map((file) => readFileSync(join(srcDir, file), 'utf8'));
    return {
      ...manifest,
      files,
      usesRemovedApi: sources.some(usesRemovedApi),
      usesDateTextPattern: sources.some(usesDateTextPattern),
    };
  });
  return { environment, modules };
}
