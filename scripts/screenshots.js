// Screenshots of the consent UI for the README, taken from the demo site in English and Welsh:
//   npm run build && node scripts/screenshots.js        → docs/screenshots/*.png
// Uses the same Chromium as the tests (see test/support/browser.js). Re-run it whenever the banner
// or the preferences dialog changes, and commit the images with the change.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.js';
import { launchBrowser } from '../test/support/page.js';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/consent-gate-core.min.js', import.meta.url)))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const LANGUAGES = {
  en: { path: '/', choose: 'Choose cookies', dialog: 'Cookie settings' },
  cy: { path: '/cy', choose: 'Dewis cwcis', dialog: 'Gosodiadau cwcis' },
};

const demo = await startDemoServer({ port: 0, thirdPartyPort: 0, log: () => {} });
const browser = await launchBrowser();
try {
  for (const [lang, strings] of Object.entries(LANGUAGES)) {
    for (const viewport of [{ width: 1024, height: 768, name: '' }, { width: 375, height: 740, name: '-phone' }]) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(demo.siteUrl + strings.path);
      const banner = page.getByRole('button', { name: strings.choose });
      await banner.waitFor();
      await page.screenshot({ path: `${out}banner-${lang}${viewport.name}.png` });
      console.log(`docs/screenshots/banner-${lang}${viewport.name}.png`);
      if (!viewport.name) {
        await banner.click();
        const dialog = page.getByRole('dialog', { name: strings.dialog });
        await dialog.waitFor();
        await page.screenshot({ path: `${out}preferences-${lang}.png` });
        console.log(`docs/screenshots/preferences-${lang}.png`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await demo.close();
}
