import { describe, expect, it } from 'vitest';
import type { CompileJob } from './compile-types';
import type { GroupView } from './import-rules';
import { passesImportRulesAsText } from './import-screen';

const portal: CompileJob = {
  moduleName: 'Portal',
  kind: 'service',
  platformVersion: '11.13.0',
  sources: {},
  references: ['Orders', 'Billing'],
  // Billing is referenced but has no compiled interface: the rules have something to say about it.
  producers: { Orders: { interfaceHash: 'h', declarations: { 'index.d.ts': '', 'model/order.d.ts': '' } } },
};

const group: GroupView = {
  members: new Map([['Portal', portal]]),
  files: new Set([
    '/group/Portal/src/index.ts',
    '/group/Portal/src/util/format.ts',
    '/node_modules/@modules/Orders/index.d.ts',
    '/node_modules/@modules/Orders/model/order.d.ts',
  ]),
  allowedLibFiles: new Set(),
  libraryNames: 'es2022',
};

const passes = (text: string, mustBeModule = true): boolean =>
  passesImportRulesAsText(text, '/group/Portal/src/index.ts', group, mustBeModule);

describe('passesImportRulesAsText', () => {
  it('passes a module whose every import is allowed and present, in every form', () => {
    const text = [
      `import { log } from '@platform/runtime';`,
      `import type { Order } from "@modules/Orders/model/order";`,
      `export { format } from './util/format.js';`,
      `export * as orders from '@modules/Orders';`,
      `export const later = () => import('./util/format');`,
      'export type T = typeof import(`@modules/Orders`);',
      `// a word like import or from in a comment, and 'quotes' in it`,
      `export const s = "from here on"; export const n = 4 / 2; export const r = /'a'/g;`,
      `export const o = (x: Order): void => log(String(x));`,
    ].join('\n');
    expect(passes(text)).toBe(true);
  });

  it('leaves to the syntax tree every import the rules would refuse or can not see plainly', () => {
    const refused = [
      `import _ from 'lodash';\nexport const a = _;`,
      `import '../../secrets';\nexport {};`,
      `import { x } from '@modules/Billing';\nexport const a = x;`,
      `import { x } from '@modules/Unreferenced';\nexport const a = x;`,
      `import { x } from './missing';\nexport const a = x;`,
      `import { x } from '@modules/Orders/model/missing';\nexport const a = x;`,
    ];
    const unreadable = [
      `/// <reference path="./util/format.ts" />\nexport {};`,
      `import { a } from /* where */ './util/format';\nexport const b = a;`,
      `export { a } from // re-export\n  './util/format';`,
      `import { a } from '\\x2e/util/format';\nexport const b = a;`,
      `import a = require('./util/format');\nexport const b = a;`,
      'export const later = (name: string) => import(`./util/${name}`);',
      `declare module '@platform/runtime' { export const extra: number }\nexport {};`,
    ];
    for (const text of [...refused, ...unreadable]) expect(passes(text), text).toBe(false);
  });

  it('passes a script only where it need not be a module', () => {
    const script = `const local = 1;\nfunction twice(): number { return local * 2; }\n`;
    const commentedExport = `/*\nexport const x = 1\n*/\nconst y = 2;\n`;
    const templateExport = 'const t = `\nexport const x = 1\n`;\n';
    for (const text of [script, commentedExport, templateExport]) {
      expect(passes(text, true), text).toBe(false);
      expect(passes(text, false), text).toBe(true);
    }
  });
});
