/**
 * Finding and starting Chromium for `consent-gate audit`, the way the project's own tests do:
 * `$CHROMIUM_PATH`, else the Debian/Ubuntu system browser, else Playwright's own download.
 * Playwright is an optional peer dependency: only `audit` needs it, and it says how to get it.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright';

/** The Chromium executable to use, or undefined for Playwright's own browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

/** Flags that keep Chromium quiet on a closed network and runnable as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A problem the user can fix, reported without a stack trace (exit code 2). */
export class UsageError extends Error {}

export const PLAYWRIGHT_MISSING = `consent-gate audit drives a headless Chromium with Playwright, which is not installed.
Install it next to consent-gate, then run the audit again:

  npm install --save-dev playwright

It uses $CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser when one exists;
otherwise download Playwright's own browser with:  npx playwright install chromium`;

export async function launchChromium(): Promise<Browser> {
  let playwright: typeof import('playwright');
  try {
    playwright = await import('playwright');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code == 'ERR_MODULE_NOT_FOUND')
      throw new UsageError(PLAYWRIGHT_MISSING);
    throw error;
  }
  const executablePath = chromiumPath();
  try {
    return await playwright.chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      headless: true,
    });
  } catch (error) {
    throw new UsageError(
      `Could not start Chromium${executablePath ? ` at ${executablePath}` : ''}: ${(error as Error).message.split('\n')[0]}\n` +
        'Point CHROMIUM_PATH at a Chromium or Chrome executable, or run: npx playwright install chromium',
    );
  }
}
