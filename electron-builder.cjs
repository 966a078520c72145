// @ts-check
/**
 * electron-builder configuration: packages the electron-vite build (out/**) with the engine's
 * resources. `npm run dist` (= npm run build && electron-builder); `npm run test:package`
 * packages Linux with a stub Electron and checks the result (scripts/app-package.test.ts).
 * JavaScript rather than YAML: each OS's `files` replaces the common list, so each is the
 * common list plus that OS's better-sqlite3 prebuild rule.
 */

/** better-sqlite3's prebuild names per electron-builder OS (prebuilds/<platform>-<arch>.node; glibc only on Linux, as Electron). */
const PREBUILD_PLATFORM = { linux: 'linux', win: 'win32', mac: 'darwin' };

/**
 * The app's files, for one OS. Everything runs from app.asar: findPackageRoot() walks up from
 * out/main to the asar root's package.json, and resources/ sits next to it.
 * @param {keyof typeof PREBUILD_PLATFORM} os
 * @returns {import('electron-builder').Configuration['files']}
 */
function filesFor(os) {
  return [
    'out/**',
    '!out/node/**',
    'package.json',
    // better-sqlite3: its lib/ and this OS's prebuild for the target arch only; no C sources, no
    // SQLite amalgamation, no other platforms' binaries.
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/better-sqlite3/{binding.gyp,README.md}',
    // Headers for building better-sqlite3 from source; nothing loads them at run time.
    '!node_modules/node-addon-api/**',
    `!node_modules/better-sqlite3/prebuilds/!(${PREBUILD_PLATFORM[os]}-\${arch}).node`,
    // tar-stream's file system for the Bare runtime (C sources, prebuilds for 13 platforms);
    // under Electron's Node it requires 'fs' and never loads these.
    '!node_modules/bare-*/**',
    // Resources as their own file set: the main set's default exclusions drop every *.d.ts, and
    // the compiler needs resources/platforms/*/runtime.d.ts.
    { from: 'resources', to: 'resources', filter: ['platforms/**', 'demo-factory/**', 'icons/**'] },
    // The native compiler reads its lib.*.d.ts at run time, but electron-builder drops every
    // *.d.ts under node_modules; a separate file set (no default exclusions) puts them back.
    { from: 'node_modules/@typescript', to: 'node_modules/@typescript', filter: ['*/lib/**'] },
  ];
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.platform.configtool',
  productName: 'Platform Configuration Tool',
  copyright: 'Copyright © Platform Configuration Tool maintainers',
  // No spaces in file names: platform-config-tool-0.1.0-win-x64.exe, …-mac-arm64.dmg, ….AppImage.
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  directories: { output: 'dist' },

  files: filesFor('linux'),
  asar: true,
  asarUnpack: [
    // Native addon: Electron loads .node files from app.asar.unpacked.
    'node_modules/better-sqlite3/prebuilds/**',
    // The TypeScript 7 compiler executable (and its libs): an executable cannot start from inside the archive.
    'node_modules/@typescript/**',
    // Platform declarations and the demo factory stay plain files for admins and support to read.
    'resources/**',
  ],
  // better-sqlite3 13 ships N-API prebuilds that load in Electron unchanged: no rebuild against Electron's headers.
  npmRebuild: false,
  nodeGypRebuild: false,

  // Fuses of the packaged app (@electron/fuses, flipped before signing). The unpackaged app
  // (`npm start`, the Playwright electron project) keeps Electron's defaults; `npm run dist:test`
  // makes a packaged build that keeps --inspect, which Playwright's _electron.launch needs.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    maintainer: 'Platform Configuration Tool maintainers <maintainers@example.com>',
    synopsis: 'Upgrades an on-premises environment and prepares its modules',
    icon: 'resources/icons/icon.png',
    executableName: 'platform-config-tool',
    files: filesFor('linux'),
  },
  deb: {
    depends: [
      'libgtk-3-0',
      'libnss3',
      'libxss1',
      'libxtst6',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2',
      'libnotify4',
      'xdg-utils',
    ],
  },

  win: {
    target: ['nsis'],
    icon: 'resources/icons/icon.png',
    files: filesFor('win'),
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: 'Platform Configuration Tool',
  },

  mac: {
    category: 'public.app-category.developer-tools',
    target: ['dmg'],
    // electron-builder makes the .icns from the 512×512 PNG.
    icon: 'resources/icons/icon.png',
    files: filesFor('mac'),
  },
};
