// `consent-gate table`: the privacy notice's cookie table, from the same content model as the
// <consent-table> element. Snapshots pin the output for the demo's catalogue (regenerate with
// UPDATE_SNAPSHOTS=1 after an intended change, and read the diff); the HTML is then opened in
// Chromium to check what a visitor's screen reader gets.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { runCli } from '../support/cli.js';
import { launchBrowser } from '../support/page.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The demo school's catalogue plus a custom service with Welsh texts; not the demo's own file,
// which changes with the demo.
const DEMO = 'test/fixtures/cli/oakfield.json';

function matchesSnapshot(name, actual) {
  const file = join(root, 'test/fixtures/cli', name);
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from test/fixtures/cli/${name}`);
}

const table = async (...args) => {
  const result = await runCli(['table', ...args], { cwd: root });
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
};

describe('consent-gate table', () => {
  it('prints the Markdown table of a school catalogue (snapshot)', async () => {
    matchesSnapshot('table.en.md', await table(DEMO));
  });

  it('prints the Welsh HTML table of a school catalogue (snapshot)', async () => {
    matchesSnapshot('table.cy.html', await table(DEMO, '--format', 'html', '--lang', 'cy'));
  });

  it('lists every declared cookie once, and the consent cookie, in catalogue order', async () => {
    const model = JSON.parse(await table(DEMO, '--format', 'json'));
    const catalogue = JSON.parse(readFileSync(join(root, DEMO), 'utf8'));
    assert.deepEqual(
      model.sections.map((s) => s.category),
      Object.keys(catalogue.categories),
    );
    const rows = model.sections.flatMap((s) => s.rows.map((r) => r.name));
    assert.deepEqual(rows.slice(0, 2), ['cookie_preferences', 'consent-gate'], 'the consent cookie, then the script tag’s localStorage copy');
    assert.equal(new Set(rows).size, rows.length, 'no cookie twice');
    for (const name of ['pa_session', '_ga', '_ga_OAKFIELD1', '__utma', 'search_stats_id', 'VISITOR_INFO1_LIVE', '_fbp', 'guest_id', 'Slido.EventAuthTokens'])
      assert.ok(rows.includes(name), name);
  });

  it('with --npm, leaves out the script tag’s localStorage copy of the choice', async () => {
    const model = JSON.parse(await table(DEMO, '--format', 'json', '--npm'));
    const rows = model.sections.flatMap((s) => s.rows.map((r) => r.name));
    assert.equal(rows[0], 'cookie_preferences');
    assert.ok(!rows.includes('consent-gate'));
  });

  it('refuses an invalid catalogue (exit 1, no table) and an unknown language (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-table-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ site: 'X', revision: 0, categories: {} }));
      const bad = await runCli(['table', file]);
      assert.equal(bad.code, 1);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /revision: expected a positive integer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const french = await runCli(['table', DEMO, '--lang', 'fr'], { cwd: root });
    assert.equal(french.code, 2);
    assert.match(french.stderr, /en \(English\) and cy \(Welsh\)/);
  });

  describe('the HTML, in a browser', () => {
    let browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(() => browser?.close());

    for (const [lang, caption, headers, row] of [
      ['en', 'Analytics cookies', ['Name', 'Purpose', 'Expires', 'Set by'], ['_ga_OAKFIELD1', '2 years', 'Google, on this website']],
      ['cy', 'Cwcis dadansoddol', ['Enw', 'Diben', 'Dod i ben', 'Wedi’i osod gan'], ['_ga_OAKFIELD1', '2 flynedd', 'Google, ar y wefan hon']],
    ])
      it(`is a set of captioned tables a screen reader can navigate, axe-clean (${lang})`, async () => {
        const html = await table(DEMO, '--format', 'html', '--lang', lang);
        const context = await browser.newContext();
        const page = await context.newPage();
        try {
          // Pasted into a school site's privacy notice: the demo school's stylesheet stands in for
          // the CMS theme (unstyled table rows stack links closer than 24 px apart).
          await page.setContent(
            `<!doctype html><html lang="${lang == 'cy' ? 'cy' : 'en-GB'}"><head><title>Cookies</title></head><body><main class="container"><h1>Cookies</h1>${html}</main></body></html>`,
          );
          await page.addStyleTag({ path: join(root, 'demo/site/site.css') });
          const analytics = page.getByRole('table', { name: caption });
          assert.deepEqual(await analytics.getByRole('columnheader').allInnerTexts(), headers);
          const cells = await analytics.getByRole('row').filter({ hasText: row[0] }).getByRole('cell').allInnerTexts();
          assert.equal(cells[0], row[0]);
          assert.equal(cells[2], row[1]);
          assert.equal(cells[3], row[2]);
          // The provider links to its privacy notice.
          assert.equal(
            await analytics.getByRole('row').filter({ hasText: row[0] }).getByRole('link').getAttribute('href'),
            'https://policies.google.com/privacy',
          );
          // Each table scrolls in a labelled, focusable region at 320 px.
          assert.equal(await page.getByRole('region', { name: caption }).getAttribute('tabindex'), '0');
          const { violations } = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
            .analyze();
          assert.deepEqual(violations.map((v) => `${v.id}: ${v.help}`), []);
        } finally {
          await context.close();
        }
      });
  });
});
