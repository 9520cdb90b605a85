// Shared by the ui-*.test.js journeys: the demo school site (English at /, Welsh at /cy), axe with
// the WCAG 2.2 AA tags, and small helpers that act as a visitor would.
import { AxeBuilder } from '@axe-core/playwright';
import { PRESETS } from '../../dist/catalogue/presets.js';
import { enBanner } from '../../dist/i18n/en-GB-banner.js';
import { enEmbed } from '../../dist/i18n/en-GB-embed.js';
import { enMore } from '../../dist/i18n/en-GB-more.js';
import { startDemoServer } from '../../demo/server.js';
import { launchBrowser, openContext } from '../support/page.js';

/**
 * Every English phrase the UI could show, and `extra`: its strings, every part (split at
 * placeholders), and the presets' texts; the short ones and the brand names Welsh keeps are left out.
 */
export const englishPhrases = (...extra) =>
  [
    ...Object.values({ ...enBanner, ...enEmbed, ...enMore }).flatMap((s) => s.split(/\{\w+\}/)),
    ...Object.values(PRESETS).flatMap((p) => [p.description, ...p.cookies.map((c) => c.purpose), ...p.cookies.map((c) => c.expires)]),
    ...extra,
  ]
    .filter((s) => typeof s === 'string')
    .map((s) => s.trim())
    .filter((s) => s.length > 3 && !/^(Google|YouTube|Facebook|Slido)/.test(s));

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const EN = {
  path: '/',
  region: 'Cookies on Oakfield Primary School',
  accept: 'Accept additional cookies',
  reject: 'Reject additional cookies',
  choose: 'Choose cookies',
  view: 'View cookies',
  hide: 'Hide this message',
  dialog: 'Cookie settings',
  save: 'Save cookie settings',
  close: 'Close',
  accepted: "You've accepted additional cookies.",
  rejected: "You've rejected additional cookies.",
};

export const CY = {
  path: '/cy',
  region: 'Cwcis ar Ysgol Gynradd Oakfield',
  accept: 'Derbyn cwcis ychwanegol',
  reject: 'Gwrthod cwcis ychwanegol',
  choose: 'Dewis cwcis',
  view: 'Gweld cwcis',
  hide: "Cuddio'r neges hon",
  dialog: 'Gosodiadau cwcis',
  save: 'Cadw gosodiadau cwcis',
  close: 'Cau',
  accepted: 'Rydych chi wedi derbyn cwcis ychwanegol.',
  rejected: 'Rydych chi wedi gwrthod cwcis ychwanegol.',
};

/** The demo site and a browser, for one test file. */
export async function startDemo() {
  const demo = await startDemoServer({ port: 0, thirdPartyPort: 0, log: () => {} });
  const browser = await launchBrowser();
  return {
    demo,
    browser,
    open: (options) => openContext(browser, options),
    close: async () => {
      await browser.close();
      await demo.close();
    },
  };
}

export const region = (page, lang = EN) => page.getByRole('region', { name: lang.region });
export const dialog = (page, lang = EN) => page.getByRole('dialog', { name: lang.dialog });
export const bannerButton = (page, name, lang = EN) => region(page, lang).getByRole('button', { name, exact: true });

/** Opens `path` and waits for the banner's question. */
export async function visit(page, url, lang = EN) {
  await page.goto(url);
  await bannerButton(page, lang.reject, lang).waitFor();
}

/** Opens the preferences from the banner and expands every disclosure. */
export async function openPreferences(page, lang = EN) {
  await bannerButton(page, lang.choose, lang).click();
  const d = dialog(page, lang);
  await d.waitFor();
  for (const summary of await d.locator('summary').all()) await summary.click();
  return d;
}

/** axe-core with the WCAG 2.2 AA tags on the whole page; violations as readable strings. */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

/** The consent cookie's decoded value, or undefined. */
export async function consentCookie(context) {
  const cookie = (await context.cookies()).find((c) => c.name === 'cookie_preferences');
  return cookie && JSON.parse(decodeURIComponent(cookie.value));
}

/** What has focus, as a short description a failing assertion can show. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}: ${text}`;
  });
}
