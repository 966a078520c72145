/**
 * @platform/runtime: the platform API available to module code on Platform Server 11.17.0.
 * Modules import it with `import { ... } from '@platform/runtime'`.
 */

/** A stored entity row; `id` is assigned by the platform on first save. */
export type EntityRecord = Record<string, unknown> & { id?: number };

/** The answer to an outbound HTTP request. */
export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Options of an outbound HTTP request. */
export interface HttpRequestOptions {
  headers?: Record<string, string>;
}

/** The user on whose behalf the current request runs. */
export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  roles: string[];
}

/** Writes a line to the module's log. */
export declare function log(message: string): void;

/** Reads the records of an entity, optionally filtered by field values. */
export declare function queryEntities<T = EntityRecord>(entity: string, filter?: Record<string, unknown>): Promise<T[]>;

/** Inserts or updates a record; resolves to its id. */
export declare function saveEntity(entity: string, record: EntityRecord): Promise<number>;

/** Sends an HTTP GET request. */
export declare function httpGet(url: string, options?: HttpRequestOptions): Promise<HttpResponse>;

/** Runs `handler` every `everyMs` milliseconds under the given timer name. */
export declare function setTimer(name: string, everyMs: number, handler: () => void | Promise<void>): void;

/**
 * A numeric date pattern (since 11.17.0): month and day names depend on the user's
 * locale, so patterns with text such as 'd MMM yyyy' go through `formatDateText`.
 */
export type DatePattern =
  'yyyy-MM-dd' | 'yyyy-MM-dd HH:mm' | 'yyyy-MM-dd HH:mm:ss' | 'dd.MM.yyyy' | 'MM/dd/yyyy' | 'HH:mm' | 'HH:mm:ss';

/** Formats a date with a numeric pattern such as 'yyyy-MM-dd HH:mm' (since 11.17.0: only a `DatePattern`). */
export declare function formatDate(value: Date, pattern: DatePattern): string;

/** Formats a date with month or day names in the current user's locale, e.g. `{ dateStyle: 'medium' }` (since 11.17.0). */
export declare function formatDateText(
  value: Date,
  options: { dateStyle: 'short' | 'medium' | 'long' | 'full' },
): string;

/** The user of the current request. */
export declare function getCurrentUser(): CurrentUser;

/** The Platform Server version the module runs on, e.g. '11.17.0'. */
export declare function getPlatformVersion(): string;

/** Sends an HTTP POST request with a text body (since 11.11.3). */
export declare function httpPost(url: string, body: string, options?: HttpRequestOptions): Promise<HttpResponse>;

/** A mail message (since 11.12.0). */
export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

/** Sends a mail; resolves when the mail server accepted it (since 11.12.0). */
export declare function sendMail(message: MailMessage): Promise<void>;

/** The user's session store (since 11.12.0). */
export interface SessionStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  clear(): void;
}

/** The current user's session (since 11.12.0; replaces getSessionValue/setSessionValue). */
export declare const session: SessionStore;

/** Feature flags configured in the environment (since 11.13.0). */
export interface FeatureFlags {
  isEnabled(name: string): boolean;
}

/** Reads the environment's feature flags (since 11.13.0). */
export declare const featureFlags: FeatureFlags;

/** Counters published to the platform's monitoring (since 11.13.0). */
export interface Metrics {
  increment(name: string, by?: number): void;
}

/** Increments monitoring counters (since 11.13.0). */
export declare const metrics: Metrics;
