import type { FieldSpec, FieldType, ModuleApiSpec, ModuleSourceSpec, RemovedApi } from './module-spec';

/** A piece of a module's source; it gets its own file while the module has files to spare. */
export interface Section {
  file: string;
  code: string;
  /** Names this section declares (exported from its file). */
  defines: { name: string; type: boolean; public: boolean }[];
  /** Imports from producers: module -> names (type names prefixed with 'type '). */
  producerImports?: Map<string, string[]>;
}

// ---- naming helpers ----

/** 'CustomerCore' -> 'CUSTOMER_CORE'. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/** 'OrderService' -> 'orderService'. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function tsType(type: FieldType): string {
  return type;
}

function sampleValue(field: FieldSpec, seed: number): string {
  switch (field.type) {
    case 'string':
      return "'" + field.name + '-' + (seed % 97) + "'";
    case 'number':
      return String((seed % 50) + 1);
    case 'boolean':
      return seed % 2 === 0 ? 'true' : 'false';
    case 'string[]':
      return "['" + field.name + "']";
    case 'Date':
      return 'new Date(' + (1700000000000 + seed * 86400000) + ')';
  }
}

function describeField(field: FieldSpec, value: string): string {
  const access = value + '.' + field.name;
  switch (field.type) {
    case 'string':
      return access;
    case 'number':
      // Money and measures get decimals; ids and counts read better as integers.
      return /amount|total|price|limit|kg|rate/i.test(field.name) ? access + '.toFixed(2)' : 'String(' + access + ')';
    case 'boolean':
      return '(' + access + " ? '" + field.name + "' : 'not " + field.name + "')";
    case 'string[]':
      return access + ".join(', ')";
    case 'Date':
      return 'formatDate(' + access + ", 'yyyy-MM-dd')";
  }
}

/** An object literal of the producer's record type, so a changed field list breaks the consumer. */
function sampleLiteral(api: ModuleApiSpec, seed: number): string {
  const fields = api.fields.map((field, i) => field.name + ': ' + sampleValue(field, seed + i));
  return '{ id: ' + ((seed % 900) + 1) + (fields.length > 0 ? ', ' + fields.join(', ') : '') + ' }';
}

// ---- sections ----

/** Builds the section declaring the record type, its summary type and entity name. */
export function typesSection(spec: ModuleSourceSpec): Section {
  const t = spec.typeName;
  const c = constantCase(spec.module);
  const fields = spec.fields.map((f) => '  ' + f.name + ': ' + tsType(f.type) + ';').join('\n');
  const extra = spec.variant % 3 === 0 ? '\n  generatedAt: string;' : '';
  const broken = spec.broken
    ? '\n\n/** Largest batch saved at once. */\nexport const ' + c + "_MAX_BATCH: number = '250';"
    : '';
  return {
    file: 'types.ts',
    code: `/** A ${spec.entity} record as ${spec.module} stores it. */
export interface ${t} {
  id: number;
${fields}
}

/** What ${spec.module} reports about a batch of ${spec.entity} records. */
export interface ${t}Summary {
  count: number;
  labels: string[];${extra}
}

/** Entity under which ${spec.module} stores its records. */
export const ${c}_ENTITY = '${spec.module}.${spec.entity.replace(/\s+/g, '')}';${broken}`,
    defines: [
      { name: t, type: true, public: true },
      { name: t + 'Summary', type: true, public: true },
      { name: c + '_ENTITY', type: false, public: true },
      ...(spec.broken ? [{ name: c + '_MAX_BATCH', type: false, public: true }] : []),
    ],
  };
}

/** Builds describe/summarize/load: the functions every consumer may call. */
export function coreSection(spec: ModuleSourceSpec): Section {
  const t = spec.typeName;
  const c = constantCase(spec.module);
  const parts = spec.fields.slice(0, 4).map((f) => describeField(f, 'value'));
  const describe =
    spec.variant % 2 === 0
      ? `export function describe${t}(value: ${t}): string {
  return '${spec.entity} #' + value.id + ': ' + [${parts.join(', ')}].join(' | ');
}`
      : `export function describe${t}(value: ${t}): string {
  const parts: string[] = [];
${parts.map((p) => '  parts.push(' + p + ');').join('\n')}
  return '${spec.entity} ' + value.id + (parts.length > 0 ? ' (' + parts.join(', ') + ')' : '');
}`;
  const generatedAt = spec.variant % 3 === 0 ? ", generatedAt: formatDate(new Date(), 'yyyy-MM-dd HH:mm')" : '';
  const load =
    spec.variant % 4 < 2
      ? `  const rows = await queryEntities<${t}>(${c}_ENTITY, filter);
  return rows.slice().sort((left, right) => left.id - right.id);`
      : `  const rows = await queryEntities<${t}>(${c}_ENTITY, filter ?? {});
  // Rows without an id were never saved; they cannot be referenced.
  return rows.filter((row) => typeof row.id === 'number' && row.id > 0);`;
  return {
    file: spec.kind === 'library' ? 'format.ts' : 'records.ts',
    code: `/** One line describing a ${spec.entity}, for logs and lists. */
${describe}

/** Counts and labels a batch of ${spec.entity} records. */
export function summarize${t}s(values: ${t}[]): ${t}Summary {
  const labels = values.map((value) => describe${t}(value));
  return { count: values.length, labels${generatedAt} };
}

/** Reads ${spec.entity} records, oldest first. */
export async function load${t}s(filter?: Record<string, unknown>): Promise<${t}[]> {
${load}
}`,
    defines: [
      { name: 'describe' + t, type: false, public: true },
      { name: 'summarize' + t + 's', type: false, public: true },
      { name: 'load' + t + 's', type: false, public: true },
    ],
  };
}

/** Builds the function that uses at least one export of every producer. */
export function producersSection(spec: ModuleSourceSpec): Section {
  const imports = new Map<string, string[]>();
  const lines: string[] = [];
  spec.producers.forEach((producer, i) => {
    const t = producer.typeName;
    const local = lowerFirst(t);
    const seed = spec.variant + i * 7;
    const style = (spec.variant + i) % 3;
    if (style === 0) {
      imports.set(producer.module, ['describe' + t, 'type ' + t]);
      lines.push(`  const ${local}Sample: ${t} = ${sampleLiteral(producer, seed)};`);
      lines.push(`  lines.push(describe${t}(${local}Sample));`);
    } else if (style === 1) {
      const field = producer.fields[seed % Math.max(1, producer.fields.length)];
      imports.set(producer.module, ['load' + t + 's']);
      lines.push(`  const ${local}List = await load${t}s({ requestedBy: '${spec.module}' });`);
      lines.push(`  lines.push('${producer.module}: ' + ${local}List.length + ' records');`);
      if (field) {
        lines.push(`  lines.push(...${local}List.slice(0, 3).map((item) => String(item.${field.name})));`);
      }
    } else {
      imports.set(producer.module, ['summarize' + t + 's']);
      lines.push(`  const ${local}Summary = summarize${t}s([${sampleLiteral(producer, seed)}]);`);
      lines.push(
        `  lines.push(${local}Summary.count + ' from ${producer.module}: ' + ${local}Summary.labels.join('; '));`,
      );
    }
  });
  const name = 'collect' + spec.module + 'Context';
  return {
    file: spec.variant % 2 === 0 ? 'dependencies.ts' : 'integrations.ts',
    code: `/** Context lines ${spec.module} gathers from the modules it builds on. */
export async function ${name}(): Promise<string[]> {
  const lines: string[] = [];
${lines.join('\n')}
  return lines;
}`,
    defines: [{ name, type: false, public: true }],
    producerImports: imports,
  };
}

/** Builds the section that calls an API removed in 11.12.0. */
export function removedApiSection(spec: ModuleSourceSpec, api: RemovedApi): Section {
  const t = spec.typeName;
  const m = spec.module;
  if (api === 'sendMailLegacy') {
    return {
      file: 'notifications.ts',
      code: `/** Mails the current user that a ${spec.entity} changed. */
export function notify${m}Owner(value: ${t}): void {
  const user = getCurrentUser();
  sendMailLegacy(user.email, '${spec.entity} changed: ' + describe${t}(value));
}`,
      defines: [{ name: 'notify' + m + 'Owner', type: false, public: true }],
    };
  }
  return {
    file: 'preferences.ts',
    code: `/** A preference of the current user for ${m}, remembered in the session. */
export function ${lowerFirst(m)}Preference(key: string, fallback: string): string {
  const stored = getSessionValue('${m}.' + key);
  if (stored === undefined) {
    setSessionValue('${m}.' + key, fallback);
    return fallback;
  }
  return stored;
}`,
    defines: [{ name: lowerFirst(m) + 'Preference', type: false, public: true }],
  };
}

const UTILS: { file: string; name: string; code: (name: string) => string; use: (name: string) => string }[] = [
  {
    file: 'text.ts',
    name: 'normalizeText',
    code: (n) => `/** Collapses whitespace and case so labels compare equal. */
export function ${n}(value: string): string {
  return value.trim().replace(/\\s+/g, ' ').toLowerCase();
}`,
    use: (n) => `parts.push(${n}(summary.labels.join(' ')).slice(0, 40));`,
  },
  {
    file: 'numbers.ts',
    name: 'clampRatio',
    code: (n) => `/** Keeps a ratio between 0 and 1 so progress never overshoots. */
export function ${n}(value: number): number {
  return Math.min(1, Math.max(0, value));
}`,
    use: (n) => `parts.push('load ' + ${n}(summary.count / 100).toFixed(2));`,
  },
  {
    file: 'paging.ts',
    name: 'pageOf',
    code: (n) => `/** One page of a list; pages start at 0. */
export function ${n}<T>(items: T[], page: number, size: number): T[] {
  return items.slice(page * size, (page + 1) * size);
}`,
    use: (n) => `parts.push(${n}(summary.labels, 0, 3).join('; '));`,
  },
  {
    file: 'ids.ts',
    name: 'nextFreeId',
    code: (n) => `/** The smallest id above every id in use. */
export function ${n}(ids: number[]): number {
  return ids.reduce((max, id) => (id > max ? id : max), 0) + 1;
}`,
    use: (n) => `parts.push('next id ' + ${n}(records.map((record) => record.id)));`,
  },
  {
    file: 'dates.ts',
    name: 'isoDay',
    code: (n) => `/** A calendar day as the reports print it. */
export function ${n}(value: Date): string {
  return formatDate(value, 'yyyy-MM-dd');
}`,
    use: (n) => `parts.push(${n}(new Date()));`,
  },
];

/** Builds `count` small utility sections, used by the index section. */
export function utilSections(count: number, variant: number): (Section & { use: string })[] {
  const sections: (Section & { use: string })[] = [];
  for (let i = 0; i < count; i++) {
    const util = UTILS[(variant + i) % UTILS.length] as (typeof UTILS)[number];
    const round = Math.floor(i / UTILS.length);
    const name = round === 0 ? util.name : util.name + (round + 1);
    const file = round === 0 ? util.file : util.file.replace(/\.ts$/, '-' + (round + 1) + '.ts');
    sections.push({
      file,
      code: util.code(name),
      defines: [{ name, type: false, public: false }],
      use: util.use(name),
    });
  }
  return sections;
}

/** Builds the entry-point code of index.ts (re-exports are added on assembly). */
export function indexSection(spec: ModuleSourceSpec, utils: { use: string }[]): Section {
  const t = spec.typeName;
  const m = spec.module;
  const c = constantCase(m);
  const context =
    spec.producers.length > 0
      ? `\n  const context = await collect${m}Context();\n  parts.push(context.length + ' upstream checks');`
      : '';
  const purpose = spec.purpose ?? `${spec.kind} module of ${spec.application}`;
  return {
    file: 'index.ts',
    code: `/** Name under which ${m} reports to the platform console. */
export const ${c}_MODULE = '${m}';

/** A one-line health report of ${m}: ${purpose}. */
export async function ${lowerFirst(m)}Health(): Promise<string> {
  const records = await load${t}s();
  const summary = summarize${t}s(records);
  const parts: string[] = [${c}_MODULE, summary.count + ' records'];${utils.map((u) => '\n  ' + u.use).join('')}${context}
  log(parts.join(' - '));
  return parts.join(' - ');
}`,
    defines: [
      { name: c + '_MODULE', type: false, public: true },
      { name: lowerFirst(m) + 'Health', type: false, public: true },
    ],
  };
}
