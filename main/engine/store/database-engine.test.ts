import { describe, expect, it } from 'vitest';
import { engineLoadError, isEngineLoadError } from './database-engine';

function errorWith(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('the database engine load check', () => {
  it('recognises a native addon that this machine refuses', () => {
    expect(
      isEngineLoadError(
        errorWith(
          "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /opt/app/resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node)",
          'ERR_DLOPEN_FAILED',
        ),
      ),
    ).toBe(true);
    expect(isEngineLoadError(errorWith('/x/prebuilds/linux-x64.node: invalid ELF header'))).toBe(true);
    expect(isEngineLoadError(errorWith("Cannot find module '../prebuilds/linux-arm64.node'", 'MODULE_NOT_FOUND'))).toBe(
      true,
    );
  });

  it('leaves errors about the database file to the corrupt-environment message', () => {
    expect(isEngineLoadError(errorWith('unable to open database file', 'SQLITE_CANTOPEN'))).toBe(false);
    expect(isEngineLoadError(errorWith('file is not a database', 'SQLITE_NOTADB'))).toBe(false);
    expect(isEngineLoadError('a string')).toBe(false);
  });

  it('says what failed and which distributions can run the tool', () => {
    const error = engineLoadError(errorWith("version `GLIBC_2.34' not found\nmore lines", 'ERR_DLOPEN_FAILED'));
    expect(error.code).toBe('database-engine-unavailable');
    expect(error.message).toMatch(
      /^The database engine could not be loaded on this machine \(version `GLIBC_2\.34' not found\)\./,
    );
    expect(error.message).toContain('glibc 2.34 or newer');
    expect(error.message).not.toContain('more lines');
  });
});
