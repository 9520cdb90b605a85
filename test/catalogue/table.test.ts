import { expect } from '@open-wc/testing';
import { cookieTable } from '../../src/catalogue/table.js';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import type { Catalogue, CatalogueInput } from '../../src/catalogue/types.js';

const catalogue = (
  input: Partial<CatalogueInput> & Pick<CatalogueInput, 'categories'>,
): Catalogue => {
  const result = parseCatalogue({ site: 'Oakfield Primary School', revision: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.catalogue;
};

const oakfield = catalogue({
  categories: {
    essential: { required: true },
    analytics: { services: ['google-analytics', 'site-search'] },
    embeds: { services: ['youtube'] },
    polls: { title: { en: 'Polls', cy: 'Polau' }, services: ['slido'] },
  },
  services: { 'google-analytics': { preset: 'google-analytics', measurementId: 'G-OAK1' } },
});

describe('cookieTable', () => {
  it('keeps the catalogue order, captions the well-known categories and uses a category title', () => {
    const table = cookieTable(oakfield, 'en-GB');
    expect(table.sections.map((s) => [s.category, s.caption])).to.deep.equal([
      ['essential', 'Essential cookies'],
      ['analytics', 'Analytics cookies'],
      ['embeds', 'Embedded content cookies'],
      ['polls', 'Polls'],
    ]);
  });

  it('lists the consent cookie first among the essential cookies, with its real lifetime', () => {
    const [essential] = cookieTable(
      catalogue({
        categories: { needed: { required: true } },
        cookie: { name: 'consent', days: 730 },
      }),
    ).sections;
    expect(essential.rows).to.deep.equal([
      {
        name: 'consent',
        service: '',
        provider: 'Oakfield Primary School',
        party: 'first',
        partyText: 'First party',
        setBy: 'This website',
        purpose: 'Saves your cookie settings',
        expires: '2 years',
      },
    ]);
  });

  it('for a script-tag site, lists its localStorage copy of the choice after the consent cookie, in both languages', () => {
    const input = catalogue({ categories: { needed: { required: true } }, cookie: { name: 'consent', days: 730 } });
    const [essential] = cookieTable(input, 'en-GB', undefined, { scriptTag: true }).sections;
    expect(essential.rows.map((r) => r.name)).to.deep.equal(['consent', 'consent-gate']);
    expect(essential.rows[1]).to.include({ setBy: 'This website', party: 'first', expires: '2 years' });
    expect(essential.rows[1].purpose).to.match(/^Not a cookie: kept in your browser’s local storage\./);
    const [welsh] = cookieTable(input, 'cy', undefined, { scriptTag: true }).sections;
    expect(welsh.rows[1]).to.include({ setBy: 'Y wefan hon', expires: '2 flynedd' });
    expect(welsh.rows[1].purpose).to.match(/^Nid cwci: yn cael ei gadw yn storfa leol eich porwr\./);
  });

  it('adds an essential section for the consent cookie when no category is required', () => {
    const table = cookieTable(
      catalogue({ categories: { analytics: { services: ['site-search'] } } }),
    );
    expect(table.sections.map((s) => s.category)).to.deep.equal(['essential', 'analytics']);
    expect(table.sections[0].rows.map((r) => r.name)).to.deep.equal(['cookie_preferences']);
  });

  it('says who sets each cookie: the site, a provider on this site, or a provider on its own', () => {
    const rows = cookieTable(oakfield).sections.flatMap((s) => s.rows);
    const row = (name: string) => rows.find((r) => r.name == name)!;
    expect(row('_ga_OAK1')).to.include({
      setBy: 'Google, on this website',
      party: 'first',
      provider: 'Google',
      privacyUrl: 'https://policies.google.com/privacy',
      expires: '2 years',
    });
    expect(row('search_stats_id')).to.include({
      setBy: 'This website',
      expires: 'When you close your browser',
    });
    expect(row('search_stats_id').privacyUrl).to.equal(undefined);
    expect(row('YSC')).to.include({
      setBy: 'Google (YouTube)',
      party: 'third',
      partyText: 'Third party',
    });
  });

  it('speaks Welsh: headings, captions, durations, party words, titles', () => {
    const table = cookieTable(oakfield, 'cy');
    expect([
      table.strings['table.name'],
      table.strings['table.purpose'],
      table.strings['table.expires'],
    ]).to.deep.equal(['Enw', 'Diben', 'Dod i ben']);
    expect(table.sections.map((s) => s.caption)).to.deep.equal([
      'Cwcis hanfodol',
      'Cwcis dadansoddol',
      'Cwcis cynnwys wedi’i fewnosod',
      'Polau',
    ]);
    const rows = table.sections.flatMap((s) => s.rows);
    const row = (name: string) => rows.find((r) => r.name == name)!;
    expect(row('cookie_preferences').expires).to.equal('1 flwyddyn');
    expect(row('_ga').expires).to.equal('2 flynedd');
    expect(row('_gid').expires).to.equal('24 awr');
    expect(row('__utmz').expires).to.equal('6 mis');
    expect(row('YSC').expires).to.equal('Pan fyddwch chi’n cau eich porwr');
    expect(row('_ga').setBy).to.equal('Google, ar y wefan hon');
    expect(row('YSC').partyText).to.equal('Trydydd parti');
  });

  it("uses the catalogue's own texts: per-language purposes and expiries, table string overrides", () => {
    const table = cookieTable(
      catalogue({
        categories: {
          essential: { required: true },
          apps: { title: 'Apps', services: ['parent-app'] },
        },
        services: {
          'parent-app': {
            title: 'Parent app',
            provider: 'Example Ltd',
            cookies: [
              {
                name: 'pa_session',
                purpose: { en: 'Keeps you signed in', cy: 'Yn eich cadw wedi mewngofnodi' },
                expires: { en: '1 year', cy: 'blwyddyn' },
                party: 'third',
              },
            ],
          },
        },
        texts: {
          cy: {
            'table.caption.apps': 'Apiau',
            'table.setBy': 'Pwy sy’n ei osod',
            'banner.heading': 'not a table string',
          },
        },
      }),
      'cy',
    );
    expect(table.sections[1].caption).to.equal(
      'Apiau',
      "the site's caption for this language wins over its title",
    );
    expect(table.strings['table.setBy']).to.equal('Pwy sy’n ei osod');
    expect(table.strings).not.to.have.property('banner.heading');
    expect(table.sections[1].rows[0]).to.include({
      purpose: 'Yn eich cadw wedi mewngofnodi',
      expires: 'blwyddyn',
      setBy: 'Example Ltd',
    });
  });

  it('captions a custom category from its name when nothing else names it', () => {
    const input = {
      categories: { essential: { required: true }, 'school-apps': { services: ['app'] } },
      services: { app: { title: 'App', provider: 'Example Ltd', cookies: [] } },
    };
    expect(cookieTable(catalogue(input)).sections[1]).to.deep.include({
      caption: 'School apps',
      rows: [],
    });
    const captioned = catalogue({
      ...input,
      texts: { en: { 'table.caption.school-apps': 'School app cookies' } },
    });
    expect(cookieTable(captioned).sections[1].caption).to.equal('School app cookies');
  });
});
