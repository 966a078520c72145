import { migration001 } from './001-initial';
import { migration002 } from './002-preparation';
import { migration003 } from './003-lease-holder';
import { migration004 } from './004-readiness-check';
import { migration005 } from './005-progressive';
import { migration006 } from './006-compilation-digest';
import { migration007 } from './007-shared-cache';

/** Numbered schema migrations, applied in order; the schema version is SQLite's user_version. */
export const MIGRATIONS: readonly string[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

/** The schema version this build of the tool writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
