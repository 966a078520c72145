import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// The compiler's exact version: part of every compilation's identity (see computeInputHash).
import nativePackage from 'typescript-native/package.json';
import { findPackageRoot } from '../platform/platform-versions';

/** The exact TypeScript 7 version every module is compiled with. */
export const NATIVE_COMPILER_VERSION: string = nativePackage.version;

/** Where the native compiler of this platform is: its executable and the lib folder next to it. */
export interface NativeBinary {
  exe: string;
  libDir: string;
}

/** The npm package holding the native compiler of this OS and CPU, e.g. @typescript/typescript-linux-x64. */
export function nativeBinaryPackage(platform: string = process.platform, arch: string = process.arch): string {
  return `@typescript/typescript-${platform}-${arch}`;
}

/** The native compiler cannot be found or started: says which package is missing, never hangs. */
export class NativeCompilerMissingError extends Error {
  constructor(detail: string) {
    const pkg = nativeBinaryPackage();
    super(
      `The TypeScript ${NATIVE_COMPILER_VERSION} compiler for ${process.platform}-${process.arch} is missing: ` +
        `${detail}. Install the package ${pkg}@${NATIVE_COMPILER_VERSION} (npm installs it with the application's dependencies).`,
    );
    this.name = 'NativeCompilerMissingError';
  }
}

/**
 * Finds the native compiler in the installed platform package; in the packaged app the
 * executable lives beside the asar archive (electron-builder `asarUnpack`), since an
 * executable inside the archive cannot be started.
 */
export function findNativeBinary(packageRoot: string = findPackageRoot()): NativeBinary {
  const pkg = nativeBinaryPackage();
  let packageJson: string;
  try {
    packageJson = createRequire(path.join(packageRoot, 'package.json')).resolve(`${pkg}/package.json`);
  } catch {
    throw new NativeCompilerMissingError(`the package ${pkg} is not installed`);
  }
  const libDir = unpacked(path.join(path.dirname(packageJson), 'lib'));
  const exe = path.join(libDir, process.platform === 'win32' ? 'tsc.exe' : 'tsc');
  if (!fs.existsSync(exe)) throw new NativeCompilerMissingError(`${exe} does not exist`);
  return { exe, libDir };
}

/** app.asar/… → app.asar.unpacked/… (files electron-builder unpacked from the archive). */
function unpacked(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
