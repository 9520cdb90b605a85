import { expect, fixture, html } from '@open-wc/testing';
import { cookieTable } from '../../src/catalogue/table.js';
import { localise } from '../../src/i18n/strings.js';
import type { ConsentTable } from '../../src/ui/consent-table/consent-table.js';
import '../../src/ui/consent-table/define.js';
import { consoleErrors, run, school, stop } from './running.js';

async function table(template = html`<consent-table></consent-table>`) {
  const root = await fixture<HTMLElement>(html`<main>${template}</main>`);
  const el = root.querySelector('consent-table') as ConsentTable;
  await el.updateComplete;
  return el;
}

/** What a visitor reads: each table's caption, header cells and rows of cells. */
const read = (el: Element) =>
  [...el.querySelectorAll('table')].map((t) => ({
    caption: t.caption!.textContent!.trim(),
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())),
  }));

describe('<consent-table>', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en-GB';
  });
  afterEach(stop);

  it('lists every cookie of the catalogue, and the consent cookie, in one captioned table per category', async () => {
    const controller = run();
    const el = await table();
    const tables = read(el);
    expect(tables.map((t) => t.caption)).to.deep.equal([
      'Essential cookies',
      'Analytics cookies',
      'Embedded content cookies',
      'Polls',
    ]);
    for (const t of tables) expect(t.head).to.deep.equal(['Name', 'Purpose', 'Expires', 'Set by']);
    const names = tables.flatMap((t) => t.rows.map((r) => r[0]));
    const declared = Object.values(controller.catalogue!.services).flatMap((s) => s.cookies.map((c) => c.name));
    expect(names).to.deep.equal([controller.catalogue!.cookie.name, ...declared]);
    expect(tables[1].rows[0]).to.deep.equal([
      '_ga',
      'Checks if you’ve visited the site before. This helps us count how many people visit.',
      '2 years',
      'Google, on this website',
    ]);
    expect(tables[2].rows.find((r) => r[0] === 'fr')![3]).to.equal('Meta');
    await expect(el).to.be.accessible();
  });

  it('renders the content model the `consent-gate table` command prints, cell for cell', async () => {
    const controller = run();
    for (const lang of ['en-GB', 'cy'] as const) {
      const el = await table(html`<div lang=${lang}><consent-table></consent-table></div>`);
      const model = cookieTable(controller.catalogue!, lang, localise);
      expect(read(el)).to.deep.equal(
        model.sections.map((s) => ({
          caption: s.caption,
          head: [model.strings['table.name'], model.strings['table.purpose'], model.strings['table.expires'], model.strings['table.setBy']],
          rows: s.rows.map((r) => [r.name, r.purpose, r.expires, r.setBy]),
        })),
        lang,
      );
    }
  });

  it('each table is in a labelled, focusable region that scrolls sideways; the provider links to its privacy notice', async () => {
    run();
    const el = await table();
    const region = el.querySelector('[role="region"]') as HTMLElement;
    expect(region.tabIndex).to.equal(0);
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)!.tagName).to.equal('CAPTION');
    expect(getComputedStyle(region).overflowX).to.equal('auto');
    const google = [...el.querySelectorAll('a')].find((a) => a.textContent === 'Google')!;
    expect(google.href).to.equal('https://policies.google.com/privacy');
    const ids = [...el.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('category="analytics" shows that group only; two tables on a page keep their ids apart', async () => {
    run();
    const root = await fixture<HTMLElement>(html`<main>
      <consent-table category="analytics"></consent-table><consent-table category="analytics"></consent-table>
    </main>`);
    const [a, b] = [...root.querySelectorAll('consent-table')] as ConsentTable[];
    await a.updateComplete;
    await b.updateComplete;
    expect(read(a).map((t) => t.caption)).to.deep.equal(['Analytics cookies']);
    expect(a.querySelector('caption')!.id).not.to.equal(b.querySelector('caption')!.id);
    expect(a.querySelector('[role="region"]')!.getAttribute('aria-labelledby')).to.equal(a.querySelector('caption')!.id);
  });

  it('in Welsh: captions, headings, the presets’ purposes and expiries', async () => {
    run(school({ texts: { cy: { site: 'Ysgol Brawf' } } }));
    const el = await table(html`<div lang="cy"><consent-table></consent-table></div>`);
    const tables = read(el);
    expect(tables.map((t) => t.caption)).to.deep.equal(['Cwcis hanfodol', 'Cwcis dadansoddol', 'Cwcis cynnwys wedi’i fewnosod', 'Polau']);
    expect(tables[0].head).to.deep.equal(['Enw', 'Diben', 'Dod i ben', 'Wedi’i osod gan']);
    const ga = tables[1].rows[0];
    expect(ga[2]).to.equal('2 flynedd');
    expect(ga[1]).to.match(/^Yn gwirio a ydych chi wedi ymweld/);
    expect(ga[3]).to.equal('Google, ar y wefan hon');
    expect(el.querySelector('[role="region"]')!.getAttribute('lang')).to.equal('cy');
    await expect(el).to.be.accessible();
  });

  it('replaces what the page put inside for visitors without JavaScript', async () => {
    run();
    const el = await table(html`<consent-table category="essential"><p id="static">A static copy of the table</p></consent-table>`);
    expect(el.querySelector('#static')).to.equal(null);
    expect(el.querySelectorAll('table')).to.have.length(1);
  });

  it('says so, on the console, when the category does not exist', async () => {
    run();
    let el: ConsentTable | undefined;
    const errors = await consoleErrors(async () => {
      el = await table(html`<consent-table category="adverts"></consent-table>`);
    });
    expect(el!.querySelector('table')).to.equal(null);
    expect(errors).to.include('<consent-table category="adverts">: no such category');
  });
});
