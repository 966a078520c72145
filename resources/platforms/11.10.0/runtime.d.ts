/**
 * @platform/runtime: the platform API available to module code on Platform Server 11.10.0.
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

/** Formats a date with a pattern such as 'yyyy-MM-dd HH:mm'. */
export declare function formatDate(value: Date, pattern: string): string;

/** The user of the current request. */
export declare function getCurrentUser(): CurrentUser;

/** The Platform Server version the module runs on, e.g. '11.10.0'. */
export declare function getPlatformVersion(): string;

/**
 * Sends a plain-text mail.
 * @deprecated Removed in 11.12.0: use sendMail({ to, subject, body }).
 */
export declare function sendMailLegacy(to: string, body: string): void;

/**
 * Reads a value of the user's session.
 * @deprecated Removed in 11.12.0: use session.get(key).
 */
export declare function getSessionValue(key: string): string | undefined;

/**
 * Stores a value in the user's session.
 * @deprecated Removed in 11.12.0: use session.set(key, value).
 */
export declare function setSessionValue(key: string, value: string): void;
