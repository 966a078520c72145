import { constantCase, lowerFirst, type Section } from './module-source-sections';
import type { ModuleSourceSpec } from './module-spec';

/** Builds the part that makes a library, service, web or mobile module look like one (two variants each). */
export function kindSection(spec: ModuleSourceSpec): Section {
  const t = spec.typeName;
  const m = spec.module;
  const c = constantCase(m);
  const v = spec.variant;
  const checks = spec.fields
    .map((f) => {
      const a = 'value.' + f.name;
      if (f.type === 'string') return `  if (${a}.trim().length === 0) problems.push('${f.name} is required');`;
      if (f.type === 'number')
        return `  if (!isFinite(${a}) || ${a} < 0) problems.push('${f.name} must be a positive number');`;
      if (f.type === 'string[]') return `  if (${a}.length > 20) problems.push('${f.name} has too many entries');`;
      if (f.type === 'Date') return `  if (isNaN(${a}.getTime())) problems.push('${f.name} is not a valid date');`;
      return '';
    })
    .filter((line) => line.length > 0);

  if (spec.kind === 'library' && v % 2 === 0) {
    return {
      file: 'validation.ts',
      code: `/** Problems that keep a ${spec.entity} from being saved; empty when it is valid. */
export function validate${t}(value: ${t}): string[] {
  const problems: string[] = [];
  if (value.id < 0) problems.push('id must not be negative');
${checks.join('\n')}
  return problems;
}`,
      defines: [{ name: 'validate' + t, type: false, public: true }],
    };
  }
  if (spec.kind === 'library') {
    return {
      file: 'collections.ts',
      code: `/** Orders ${spec.entity} records by their description, then by id. */
export function compare${t}s(left: ${t}, right: ${t}): number {
  return describe${t}(left).localeCompare(describe${t}(right)) || left.id - right.id;
}

/** Indexes ${spec.entity} records by id; the last one wins on duplicates. */
export function index${t}sById(values: ${t}[]): Map<number, ${t}> {
  const byId = new Map<number, ${t}>();
  for (const value of values) {
    byId.set(value.id, value);
  }
  return byId;
}`,
      defines: [
        { name: 'compare' + t + 's', type: false, public: true },
        { name: 'index' + t + 'sById', type: false, public: true },
      ],
    };
  }
  if (spec.kind === 'service' && v % 2 === 0) {
    return {
      file: 'jobs.ts',
      code: `/** Registers the periodic refresh of ${m}. */
export function start${m}Jobs(): void {
  setTimer('${m}.refresh', ${(1 + (v % 15)) * 60000}, async () => {
    const records = await load${t}s();
    log('${m}: refreshed ' + records.length + ' ${spec.entity} records');
  });
}

/** Stores a ${spec.entity}; resolves to its id. */
export async function save${t}(value: ${t}): Promise<number> {
  const id = await saveEntity(${c}_ENTITY, { ...value });
  log('${m}: saved ${spec.entity} ' + id);
  return id;
}`,
      defines: [
        { name: 'start' + m + 'Jobs', type: false, public: true },
        { name: 'save' + t, type: false, public: true },
      ],
    };
  }
  if (spec.kind === 'service') {
    const slug = spec.entity.toLowerCase().replace(/\s+/g, '-');
    const push = spec.httpPost
      ? `/** Sends a ${spec.entity} to the partner system; true when it was accepted. */
export async function push${t}(value: ${t}): Promise<boolean> {
  const response = await httpPost(PARTNER_URL, JSON.stringify(value), {
    headers: { 'content-type': 'application/json' },
  });
  return response.status >= 200 && response.status < 300;
}`
      : `/** Queues a ${spec.entity} for the partner system; true once stored. */
export async function push${t}(value: ${t}): Promise<boolean> {
  const id = await saveEntity('${m}.Outbox', { payload: JSON.stringify(value) });
  return id > 0;
}`;
    return {
      file: 'partner-client.ts',
      code: `const PARTNER_URL = 'https://partners.acme.example/api/${slug}';

function checkStatus(response: HttpResponse, what: string): boolean {
  if (response.status === 200) return true;
  log('${m}: ' + what + ' answered ' + response.status);
  return false;
}

/** Reads one ${spec.entity} from the partner system. */
export async function fetch${t}(id: number): Promise<${t} | undefined> {
  const response = await httpGet(PARTNER_URL + '/' + id, { headers: { accept: 'application/json' } });
  if (!checkStatus(response, 'GET ' + id)) return undefined;
  return JSON.parse(response.body) as ${t};
}

${push}`,
      defines: [
        { name: 'fetch' + t, type: false, public: true },
        { name: 'push' + t, type: false, public: true },
      ],
    };
  }
  if (spec.kind === 'web' && v % 2 === 0) {
    return {
      file: 'view.ts',
      code: `function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders the ${m} page for the current user. */
export async function render${m}Page(filter?: Record<string, unknown>): Promise<string> {
  const user = getCurrentUser();
  const records = await load${t}s(filter);
  const items = records.map((record) => '<li>' + escapeHtml(describe${t}(record)) + '</li>');
  return (
    '<section><h1>${spec.entity} overview</h1><p>' +
    escapeHtml(user.name) +
    ', ' +
    formatDate(new Date(), '${spec.dateTextPattern === false ? 'dd.MM.yyyy' : 'd MMM yyyy'}') +
    '</p><ul>' +
    items.join('') +
    '</ul></section>'
  );
}`,
      defines: [{ name: 'render' + m + 'Page', type: false, public: true }],
    };
  }
  if (spec.kind === 'web') {
    return {
      file: 'dashboard.ts',
      code: `/** A dashboard as ${m} shows it. */
export interface ${m}Dashboard {
  title: string;
  rows: string[];
  editable: boolean;
}

/** Whether the user may edit ${spec.entity} records. */
export function canEdit${t}(user: CurrentUser): boolean {
  return user.roles.indexOf('${m}.editor') >= 0 || user.roles.indexOf('admin') >= 0;
}

/** Builds the ${m} dashboard for the current user. */
export async function build${m}Dashboard(): Promise<${m}Dashboard> {
  const user = getCurrentUser();
  const records = await load${t}s({ owner: user.id });
  return {
    title: '${spec.entity} dashboard of ' + user.name,
    rows: records.slice(0, 25).map((record) => describe${t}(record)),
    editable: canEdit${t}(user),
  };
}`,
      defines: [
        { name: m + 'Dashboard', type: true, public: true },
        { name: 'canEdit' + t, type: false, public: true },
        { name: 'build' + m + 'Dashboard', type: false, public: true },
      ],
    };
  }
  return {
    file: 'offline-cache.ts',
    code: `const cache = new Map<number, ${t}>();
let lastSync = 0;

/** Downloads the user's ${spec.entity} records for offline use; resolves to how many. */
export async function sync${m}Offline(): Promise<number> {
  const user = getCurrentUser();
  const records = await load${t}s({ owner: user.id });
  cache.clear();
  for (const record of records) {
    cache.set(record.id, record);
  }
  lastSync = Date.now();
  log('${m}: cached ' + records.length + ' records for ' + user.email);
  return records.length;
}

/** A record from the offline cache, if it was synchronised. */
export function cached${t}(id: number): ${t} | undefined {
  return cache.get(id);
}

/** When the cache was last synchronised, for the status bar. */
export function ${lowerFirst(m)}LastSync(): string {
  return lastSync === 0 ? 'never' : formatDate(new Date(lastSync), 'HH:mm');
}`,
    defines: [
      { name: 'sync' + m + 'Offline', type: false, public: true },
      { name: 'cached' + t, type: false, public: true },
      { name: lowerFirst(m) + 'LastSync', type: false, public: true },
    ],
  };
}
