/**
 * How every web-project spec launches Debian's Chromium (no browser can be downloaded here): headless in a
 * container, without the background traffic that would slow or disturb a run.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
