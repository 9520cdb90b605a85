// The README's recipes, run exactly as written there: the code block after each
// `<!-- recipe: NAME -->` marker is served as a page of the demo site (whose /assets/ are dist/
// and whose /cookies.json is the demo catalogue), with every third-party host answered by the
// demo's stand-ins and recorded. Change a recipe in the README and this runs the new one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startDemoServer } from '../../demo/server.js';
import { launchBrowser, openContext } from '../support/page.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function recipe(name) {
  const match = readme.match(new RegExp(`<!-- recipe: ${name} -->\\s*\`\`\`html\\n([\\s\\S]*?)\\n\`\`\``));
  assert.ok(match, `README has no recipe "${name}"`);
  return match[1];
}

let demo;
let browser;
before(async () => {
  demo = await startDemoServer({ port: 0, thirdPartyPort: 0, log: () => {} });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await demo?.close();
});

/** Opens the recipe as `/recipe` on the demo site. */
async function openRecipe(name, body = (html) => html) {
  const session = await openContext(browser);
  await session.context.route(`${demo.siteUrl}/recipe`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: body(recipe(name)) }),
  );
  await session.page.goto(`${demo.siteUrl}/recipe`);
  return session;
}

const banner = (page) => page.getByRole('region', { name: 'Cookies on Oakfield Primary School' });
const hosts = (urls) => [...new Set(urls.map((u) => new URL(u).hostname))].sort();
/** Errors the recipe itself causes: scripts that throw, and consent-gate's own complaints. */
const recipeErrors = (errors) => errors.filter((e) => /^pageerror|consent-gate/.test(e));

describe('README recipes', () => {
  it('plain HTML: nothing before a choice or after Reject; the footer link brings the choice back; Accept runs GA and the video', async () => {
    const { context, page, thirdParty, consoleErrors } = await openRecipe('plain-html');
    await banner(page).waitFor();
    await page.getByRole('button', { name: 'Reject additional cookies' }).click();
    await page.getByText("You've rejected additional cookies.").waitFor();
    assert.deepEqual(thirdParty, []);

    await page.getByRole('link', { name: 'Cookie settings', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Accept additional cookies' }).click();
    await page.waitForFunction(() => document.cookie.includes('_ga='));
    await page.waitForFunction(() => document.querySelector('iframe[src^="https://www.youtube-nocookie.com/embed/"]'));
    assert.deepEqual(hosts(thirdParty), ['www.googletagmanager.com', 'www.youtube-nocookie.com']);
    assert.deepEqual(recipeErrors(consoleErrors), []);
    await context.close();
  });

  it('Google Tag Manager: the container loads only after Accept, with its dataLayer start event', async () => {
    const page = (html) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>GTM</title>\n${html}\n</head>
<body><main><h1>Oakfield Primary School</h1></main></body></html>`;
    const { context, page: tab, thirdParty, consoleErrors } = await openRecipe('gtm', page);
    await banner(tab).waitFor();
    assert.deepEqual(thirdParty, []);
    assert.equal(await tab.evaluate(() => window.dataLayer?.some((e) => e.event === 'gtm.js') ?? false), false);

    await tab.getByRole('button', { name: 'Accept additional cookies' }).click();
    await tab.waitForFunction(() => window.dataLayer?.some((e) => e.event === 'gtm.js'));
    await tab.waitForFunction(() => document.querySelector('script[src^="https://www.googletagmanager.com/gtm.js?id=GTM-XXXXXXX"]'));
    assert.ok(thirdParty.some((u) => u.startsWith('https://www.googletagmanager.com/gtm.js?id=GTM-XXXXXXX')), thirdParty.join('\n'));
    assert.deepEqual(recipeErrors(consoleErrors), []);
    await context.close();
  });
});
