/** What a generated module is made of: its kind, its public interface and the spec its sources are rendered from. */

/** The kinds a module.json may declare. */
export type ModuleKind = 'web' | 'mobile' | 'service' | 'library';

/** Field types the templates know how to declare, describe and sample. */
export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'Date';

/** One field of a module's main record type. */
export interface FieldSpec {
  name: string;
  type: FieldType;
}

/**
 * The public interface of a generated module: `interface <typeName>`, `describe<typeName>`,
 * `summarize<typeName>s` and `load<typeName>s`. Consumers rely on exactly these names and fields.
 */
export interface ModuleApiSpec {
  module: string;
  kind: ModuleKind;
  typeName: string;
  /** Human name of the stored entity, e.g. 'Customer'. */
  entity: string;
  fields: FieldSpec[];
}

/** A platform API that was removed in 11.12.0, used deliberately by some modules. */
export type RemovedApi = 'sendMailLegacy' | 'getSessionValue';

/** Everything needed to render one module's sources. */
export interface ModuleSourceSpec extends ModuleApiSpec {
  application: string;
  producers: ModuleApiSpec[];
  removedApi?: RemovedApi;
  /** Adds a type error, for modules whose publication failed. */
  broken?: boolean;
  /** Number of .ts files under src/ (at least 1). */
  fileCount: number;
  /** Picks among template variants so modules of one kind do not all look alike. */
  variant: number;
  /**
   * Whether a web view formats today's date with month names ('d MMM yyyy'), which 11.17.0 and later refuse.
   * Default true; false writes 'dd.MM.yyyy', which every platform version accepts.
   */
  dateTextPattern?: boolean;
  /** Whether the target platform has `httpPost` (11.11.3 and later). */
  httpPost: boolean;
  /** One line saying what the module is for, used in the index doc comment. */
  purpose?: string;
}
