// Where the tests find Chromium: $CHROMIUM_PATH, else the
// Debian/Ubuntu system browser, else Playwright's own download (a contributor's laptop).
import { existsSync } from 'node:fs';

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

/** Flags that keep Chromium quiet on a closed network and runnable as root. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchOptions(extraArgs = []) {
  const executablePath = chromiumPath();
  return { executablePath, args: [...chromiumArgs, ...extraArgs], headless: true };
}
