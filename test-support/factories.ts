import fs from 'node:fs';
import path from 'node:path';
import { writeEnvironmentJson, writeModule, type ModuleManifest } from '../bench/factory-generator';

/** A module of a hand-made test factory: the manifest fields that matter, and its src/ files. */
export interface TestModule {
  name: string;
  application?: string;
  kind?: ModuleManifest['kind'];
  state?: ModuleManifest['state'];
  references?: string[];
  files?: Record<string, string>;
}

/** A library whose public interface is one function; consumers call `<name>Greeting()`. */
export function librarySource(name: string): Record<string, string> {
  return {
    'index.ts': `import { log } from '@platform/runtime';\n\nexport function ${name}Greeting(who: string): string {\n  log('greeting ' + who);\n  return 'Hello ' + who;\n}\n`,
  };
}

/** A module whose `<name>Greeting()` calls each producer's `<producer>Greeting()` through `@modules/<producer>`. */
export function consumerSource(name: string, producers: string[]): Record<string, string> {
  const imports = producers.map((producer) => `import { ${producer}Greeting } from '@modules/${producer}';`).join('\n');
  const calls = producers.map((producer) => `${producer}Greeting(who)`).join(' + ');
  return {
    'index.ts': `${imports}\n\nexport function ${name}Greeting(who: string): string {\n  return ${calls || "''"};\n}\n`,
  };
}

/** Writes a small factory folder by hand (environment.json and modules/), the way the spec describes it. */
export function writeTestFactory(
  dir: string,
  options: { name?: string; platformVersion?: string; modules: TestModule[] },
): string {
  writeEnvironmentJson(dir, {
    name: options.name ?? 'Test Environment',
    platformVersion: options.platformVersion ?? '11.11.3',
  });
  for (const module of options.modules) writeTestModule(dir, module);
  return dir;
}

/** Writes one module into a factory folder (DIR/modules/<name>), with the defaults `writeTestFactory` gives. */
function writeTestModule(dir: string, module: TestModule): void {
  const references = module.references ?? [];
  writeModule(
    dir,
    {
      name: module.name,
      application: module.application ?? 'Main',
      kind: module.kind ?? (references.length ? 'service' : 'library'),
      state: module.state ?? 'published',
      references,
    },
    module.files ?? (references.length ? consumerSource(module.name, references) : librarySource(module.name)),
  );
}

/** Writes a module folder (module.json + src/) the way `upload NAME DIR` reads it, in a new folder under `root`; returns its path. */
export function writeUploadFolder(root: string, module: TestModule): string {
  const parent = fs.mkdtempSync(path.join(root, `upload-${module.name}-`));
  writeTestModule(parent, module);
  return path.join(parent, 'modules', module.name);
}

/** The path of a module's manifest in a factory folder. */
export function manifestPath(factoryDir: string, module: string): string {
  return path.join(factoryDir, 'modules', module, 'module.json');
}

/** Rewrites fields of a module.json in a factory folder (to break a rule on purpose). */
export function editManifest(factoryDir: string, module: string, fields: Record<string, unknown>): void {
  const file = manifestPath(factoryDir, module);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...manifest, ...fields }, null, 2));
}

/** Source of a module that sends mail with the API removed in 11.12.0 (it compiles only below 11.12.0). */
export function legacyMailSource(): Record<string, string> {
  return {
    'index.ts': `import { sendMailLegacy } from '@platform/runtime';\n\nexport function notify(to: string): void {\n  sendMailLegacy(to, 'Your invoice is ready');\n}\n`,
  };
}

/**
 * The shared-cache pipeline's factory: a library, its consumers, and a module that compiles on 11.11.3 but fails on
 * 11.13.0 (the API it uses was removed), so a failed compilation is shared too.
 */
export function writePipelineFactory(dir: string): string {
  return writeTestFactory(dir, {
    name: 'Acme QA',
    modules: [
      { name: 'CoreLib', application: 'Core' },
      { name: 'Billing', application: 'Sales', references: ['CoreLib'] },
      { name: 'Portal', application: 'Web', references: ['Billing'] },
      { name: 'Mailer', application: 'Mail', files: legacyMailSource() },
    ],
  });
}
