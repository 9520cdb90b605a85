// What a visitor downloads of the UI (src/ui/script-tag.ts): consent-gate-core.min.js carries the
// banner (no Lit) and its English; a Welsh page (or a Welsh element) also fetches the Welsh tables,
// before anything shows; a page with an embed (also one added later) fetches the embed bundle (no
// Lit); a cookie table or cookie settings, or the dialog, the elements bundle (Lit). Asserted on what the browser fetches and shows, and on what a
// tampering CDN would meet: the siblings load with the gate's nonce, crossorigin and their hashes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useTestSite, openContext } from '../support/page.js';
import { englishPhrases } from './ui-support.js';

const env = useTestSite();

const SCHOOL = readFileSync(new URL('./pages/school.html', import.meta.url), 'utf8');
const UI = 'consent-gate-core.min.js'; // the core carries the UI's first layer: the banner, its English
const CY = 'consent-gate-ui-cy.min.js';
const ELEMENTS = 'consent-gate-ui-elements.min.js';
const EMBED = 'consent-gate-ui-embed.min.js';
const dist = (file) => readFileSync(new URL(`../../dist/${file}`, import.meta.url));
/** A file's SRI hash: SHA-384 as a site puts it on the gate, SHA-256 as the bundles carry their siblings'. */
const sri = (file, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(dist(file)).digest('base64')}`;

/** Every English phrase the UI could show. */
const ENGLISH = englishPhrases();

/**
 * Records, from before the page's first script, every text the consent elements ever show
 * (`window.__uiTexts`), so a flash of English that Welsh later replaces is caught too.
 */
function recordUITexts() {
  window.__uiTexts = [];
  new MutationObserver(() => {
    for (const host of document.querySelectorAll('consent-banner, consent-embed')) {
      const names = [...host.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
      const text = `${host.textContent}\n${names.join('\n')}`.trim();
      if (text && window.__uiTexts.at(-1) !== text) window.__uiTexts.push(text);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/**
 * A fresh visitor on `html` (served at /test/e2e/pages/variant.html, with `headers`), recording
 * which of the library's files the page fetches and the UI bundle's own text.
 */
async function visit({ html = SCHOOL, headers = {}, path = '/test/e2e/pages/variant.html' } = {}) {
  const opened = await openContext(env.browser, { initScript: recordUITexts });
  const library = [];
  const bodies = {};
  opened.context.on('response', async (response) => {
    const file = new URL(response.url()).pathname.match(/^\/dist\/(consent-gate[\w-]*\.min\.js)$/)?.[1];
    if (!file) return;
    library.push(file);
    bodies[file] = await response.text().catch(() => '');
  });
  await opened.context.route('**/test/e2e/pages/variant.html', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: html, headers }),
  );
  await opened.page.goto(env.server.origin() + path);
  return { ...opened, library, bodies };
}

const asWelsh = (html) => html.replace('<html lang="en-GB">', '<html lang="cy">');
const english = (texts) => ENGLISH.filter((s) => texts.some((text) => text.includes(s)));
const uiTexts = (page) => page.evaluate(() => window.__uiTexts);
const defined = (page) =>
  page.evaluate(() => ['consent-banner', 'consent-embed', 'consent-table', 'consent-preferences'].filter((tag) => customElements.get(tag)));
const POLL = `<consent-embed service="slido" src="https://app.sli.do/event/test2026" title="Parents' evening poll"></consent-embed>`;

describe('the UI bundles a page fetches', () => {
  it('an English banner page fetches neither the Welsh tables nor the elements (until the preferences open), and the core holds neither', async () => {
    const { context, page, library, bodies } = await visit();
    await page.getByRole('button', { name: 'Accept additional cookies' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(library.slice().sort(), [UI, 'consent-gate.min.js'].sort());
    assert.deepEqual(await defined(page), ['consent-banner']);
    assert.ok(bodies[UI].includes('Accept additional cookies'), 'the English strings come with the core');
    for (const welsh of ['Derbyn cwcis ychwanegol', 'Cwcis ar {site}']) assert.ok(!bodies[UI].includes(welsh), `no Welsh in ${UI}: "${welsh}"`);
    assert.ok(!bodies[UI].includes('consent-embed-load'), `${UI} holds no <consent-embed> (its event's name)`);
    // The dialog's questions come with the elements, fetched when it first opens.
    await page.getByRole('button', { name: 'Choose cookies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cookie settings' });
    await dialog.getByRole('radio', { name: 'Yes' }).first().check();
    await dialog.getByRole('button', { name: 'Save cookie settings' }).click();
    await page.getByText("You've set your cookie preferences.").waitFor();
    assert.deepEqual(library.filter((file) => file.startsWith('consent-gate-ui')), [ELEMENTS]);
    await context.close();
  });

  it('a Welsh page fetches the Welsh tables and never shows an English string, in the banner or the dialog', async () => {
    const { context, page, library, consoleErrors } = await visit({ html: asWelsh(SCHOOL) });
    await page.getByRole('button', { name: 'Derbyn cwcis ychwanegol' }).waitFor();
    assert.ok(library.includes(CY), library.join(', '));
    assert.ok(!library.includes(ELEMENTS), 'no element but the banner: no elements bundle');
    await page.getByRole('button', { name: 'Dewis cwcis' }).click();
    await page.getByRole('dialog', { name: 'Gosodiadau cwcis' }).getByRole('radio').first().waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Gwrthod cwcis ychwanegol' }).click();
    await page.getByText('Rydych chi wedi gwrthod cwcis ychwanegol.').waitFor();
    const texts = await uiTexts(page);
    assert.ok(texts.length > 2, 'the recorder saw the banner, the dialog and the confirmation');
    assert.deepEqual(english(texts), [], 'no English, at any moment');
    assert.deepEqual(consoleErrors.filter((e) => !e.startsWith('Failed to load resource')), []);
    await context.close();
  });

  it('an element marked Welsh on an English page fetches the Welsh tables for it; the banner stays English', async () => {
    const html = SCHOOL.replace('<p>Welcome to our school.</p>', `<div lang="cy">${POLL}</div>`);
    const { context, page, library } = await visit({ html });
    await page.getByRole('button', { name: "Ymuno â'r pôl" }).waitFor();
    await page.getByRole('button', { name: 'Accept additional cookies' }).waitFor();
    assert.ok(library.includes(CY) && library.includes(EMBED), library.join(', '));
    const placeholderTexts = (await uiTexts(page)).filter((text) => text.includes("Parents' evening poll"));
    assert.ok(placeholderTexts.length > 0);
    assert.deepEqual(english(placeholderTexts), [], 'the placeholder never showed English');
    await context.close();
  });

  it('a page with <consent-embed> fetches the embed bundle, neither Lit nor the elements, and the embed works', async () => {
    const { context, page, library, bodies, thirdParty } = await visit({ html: SCHOOL.replace('<p>Welcome to our school.</p>', POLL) });
    await page.getByRole('button', { name: 'Join the poll' }).click();
    await page.frameLocator('consent-embed iframe').locator('body[data-stand-in="slido"]').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(library.filter((file) => file.startsWith('consent-gate-ui')), [EMBED]);
    assert.deepEqual(await defined(page), ['consent-banner', 'consent-embed']);
    assert.ok(!bodies[EMBED].includes('lit$'), `${EMBED} holds no Lit (its marker)`);
    assert.ok(!bodies[EMBED].includes('Save cookie settings'), `${EMBED} holds only its own English`);
    assert.ok(!library.includes(CY), 'an English page: no Welsh tables');
    assert.deepEqual(thirdParty, ['https://app.sli.do/event/test2026']);
    await context.close();
  });

  it('an embed added later fetches the embed bundle then, and works', async () => {
    const { context, page, library, thirdParty } = await visit({ path: '/test/e2e/pages/embeds-later.html' });
    await page.getByRole('button', { name: 'Accept additional cookies' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.ok(!library.includes(EMBED), 'no embed bundle before an embed is there');
    await page.evaluate((markup) => document.querySelector('main').insertAdjacentHTML('beforeend', markup), POLL);
    await page.getByRole('button', { name: 'Join the poll' }).click();
    await page.frameLocator('consent-embed iframe').locator('body[data-stand-in="slido"]').waitFor();
    assert.equal(library.filter((file) => file === EMBED).length, 1);
    assert.deepEqual(thirdParty, ['https://app.sli.do/event/test2026']);
    await context.close();
  });

  it('with an integrity attribute on the gate, under a nonce-only CSP, the siblings (Welsh, embed, elements) load with their own hashes, crossorigin and the nonce', async () => {
    const gate = `<script src="/dist/consent-gate.min.js" integrity="${sri('consent-gate.min.js')}" crossorigin="anonymous" nonce="n0nce"`;
    const html = asWelsh(SCHOOL)
      .replace('<script src="/dist/consent-gate.min.js"', gate)
      .replace('<p>Welcome to our school.</p>', `${POLL}<consent-table></consent-table>`);
    const { context, page, library } = await visit({ html, headers: { 'Content-Security-Policy': "script-src 'nonce-n0nce'" } });
    await page.getByRole('button', { name: "Ymuno â'r pôl" }).waitFor();
    await page.getByRole('button', { name: 'Derbyn cwcis ychwanegol' }).waitFor();
    await page.getByRole('table').first().waitFor();
    assert.ok([CY, EMBED, ELEMENTS].every((file) => library.includes(file)), library.join(', '));
    const scripts = await page.evaluate(() =>
      [...document.querySelectorAll('script[src*="consent-gate-"]')].map((s) => ({
        file: new URL(s.src).pathname.split('/').pop(),
        integrity: s.integrity,
        crossOrigin: s.crossOrigin,
        nonce: s.nonce,
      })),
    );
    assert.deepEqual(
      scripts.sort((a, b) => a.file.localeCompare(b.file)),
      [CY, ELEMENTS, EMBED, UI].sort().map((file) => ({ file, integrity: sri(file, 'sha256'), crossOrigin: 'anonymous', nonce: 'n0nce' })),
    );
    await context.close();
  });

  it('with an integrity attribute on the gate, a refused catalogue’s messages load with their own hash, crossorigin and the nonce, and say why', async () => {
    const invalid = '{"site":"X","revision":1,"categories":{"analytics":{"services":[]}},"servicse":{}}';
    const gate = `<script id="cookie-catalogue" type="application/json" nonce="n0nce">${invalid}</script>
  <script src="/dist/consent-gate.min.js" data-catalogue="#cookie-catalogue" integrity="${sri('consent-gate.min.js')}" crossorigin="anonymous" nonce="n0nce"></script>`;
    const html = SCHOOL.replace(/<script src="\/dist\/consent-gate\.min\.js"[^>]*><\/script>/, gate);
    assert.notEqual(html, SCHOOL);
    const { context, page, library, consoleErrors } = await visit({ html, headers: { 'Content-Security-Policy': "script-src 'nonce-n0nce'" } });
    await page.waitForFunction(() => document.querySelector('script[src$="/consent-gate-errors.min.js"]'));
    const refusal = 'servicse: unknown key (did you mean "services"?)';
    // Said once the errors file has run: already, or on a console event still to come.
    if (!consoleErrors.some((m) => m.includes(refusal)))
      await page.waitForEvent('console', { predicate: (m) => m.text().includes(refusal), timeout: 5000 });
    assert.deepEqual(library.sort(), ['consent-gate-core.min.js', 'consent-gate-errors.min.js', 'consent-gate.min.js']);
    const script = await page.evaluate(() => {
      const s = document.querySelector('script[src$="/consent-gate-errors.min.js"]');
      return { integrity: s.integrity, crossOrigin: s.crossOrigin, nonce: s.nonce };
    });
    assert.deepEqual(script, { integrity: sri('consent-gate-errors.min.js', 'sha256'), crossOrigin: 'anonymous', nonce: 'n0nce' });
    await context.close();
  });
});
