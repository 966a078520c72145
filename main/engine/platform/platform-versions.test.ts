import { afterAll, describe, expect, it } from 'vitest';
import type { ModuleKind } from '../../../common/domain';
import type { ProducerInterface } from '../compiler/compile-types';
import { GroupCompiler } from '../compiler/compile-group';
import {
  compareVersions,
  installedPlatformVersion,
  isKnownVersion,
  isProgressivePreparation,
  upgradeWarning,
  listPlatformVersions,
  loadPlatformVersion,
  loadSystemComponents,
} from './platform-versions';

const compiler = new GroupCompiler();
afterAll(() => compiler.close());

describe('platform versions', () => {
  it('ships 11.10.0, 11.11.3, 11.12.0, 11.13.0 and 11.17.0, the newest being the installed one', () => {
    expect(listPlatformVersions()).toEqual(['11.10.0', '11.11.3', '11.12.0', '11.13.0', '11.17.0']);
    expect(installedPlatformVersion()).toBe('11.17.0');
    expect(isKnownVersion('11.12.0')).toBe(true);
    expect(isKnownVersion('11.9.9')).toBe(false);
    expect(isKnownVersion('../11.12.0')).toBe(false);
    expect(compareVersions('11.9.0', '11.10.0')).toBeLessThan(0);
    expect(compareVersions('11.12.0', '11.12.0')).toBe(0);
  });

  it('compiles strict, ES2019 below 11.12.0 and ES2022 from it, and lists removals as BREAKING', () => {
    for (const version of listPlatformVersions()) {
      const { compilerSettings, releaseNotes, runtimeDts } = loadPlatformVersion(version);
      expect(compilerSettings.strict).toBe(true);
      expect(compilerSettings.target).toBe(compareVersions(version, '11.12.0') < 0 ? 'ES2019' : 'ES2022');
      expect(runtimeDts).toContain('export declare function log(message: string): void;');
      expect(releaseNotes).toContain(version);
    }
    expect(loadPlatformVersion('11.12.0').releaseNotes).toMatch(
      /BREAKING[\s\S]*sendMailLegacy[\s\S]*getSessionValue[\s\S]*setSessionValue/,
    );
    expect(() => loadPlatformVersion('12.0.0')).toThrow("Unknown platform version '12.0.0'");
  });

  it('keeps the 11.13.0 runtime API in 11.17.0 and lists what it changes (formatDate) as BREAKING', () => {
    const exportsOf = (version: string) =>
      [...loadPlatformVersion(version).runtimeDts.matchAll(/export declare (?:function|const) (\w+)/g)].map(
        (m) => m[1],
      );
    expect(exportsOf('11.17.0')).toEqual(expect.arrayContaining(exportsOf('11.13.0')));
    expect(loadPlatformVersion('11.17.0').releaseNotes).toMatch(/BREAKING[\s\S]*formatDate[\s\S]*formatDateText/);
    const uses = (code: string) =>
      compiler
        .compile([
          {
            moduleName: 'M',
            kind: 'service',
            platformVersion: '11.17.0',
            sources: { 'src/index.ts': code },
            references: [],
            producers: {},
          },
        ])[0]!
        .diagnostics.map((d) => d.message);
    expect(
      uses("import { formatDate } from '@platform/runtime';\nexport const d = formatDate(new Date(), 'yyyy-MM-dd');"),
    ).toEqual([]);
    expect(
      uses(
        "import { formatDate } from '@platform/runtime';\nexport const d = formatDate(new Date(), 'd MMM yyyy');",
      ).join('\n'),
    ).toContain('DatePattern');
  });

  it('prepares progressively from 11.17.0 and warns about upgrades from 11.10.0 or earlier to 11.12.0 or later', () => {
    expect(['11.12.0', '11.13.0', '11.16.9', '11.17.0'].map(isProgressivePreparation)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(upgradeWarning('11.10.0', '11.12.0')).toMatch(/publishing all applications/);
    expect(upgradeWarning('11.10.0', '11.17.0')).toMatch(/publishing all applications/);
    expect(upgradeWarning('11.10.0', '11.11.3')).toBeNull();
    expect(upgradeWarning('11.11.3', '11.17.0')).toBeNull();
  });

  it.each(['11.10.0', '11.11.3', '11.12.0', '11.13.0', '11.17.0'])(
    'compiles the system components of %s with that version',
    (version) => {
      const producers: Record<string, ProducerInterface> = {};
      const components = loadSystemComponents(version);
      expect(components.length).toBeGreaterThanOrEqual(2);
      expect(components.findIndex((c) => c.name === 'PlatformAudit')).toBeLessThan(
        components.findIndex((c) => c.name === 'PlatformScheduler'),
      );
      for (const component of components) {
        const [result] = compiler.compile([
          {
            moduleName: component.name,
            kind: component.kind as ModuleKind,
            platformVersion: version,
            sources: component.sources,
            references: component.references,
            producers,
          },
        ]);
        expect(result.diagnostics, component.name).toEqual([]);
        producers[component.name] = { interfaceHash: result.interfaceHash!, declarations: result.declarations };
      }
    },
  );
});
