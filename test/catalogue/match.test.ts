import { expect } from '@open-wc/testing';
import { cookieMatcher, firstPartyCookies } from '../../src/catalogue/match.js';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { PRESETS } from '../../src/catalogue/presets.js';
import type { CookieDeclaration } from '../../src/catalogue/types.js';

const matcher = (...names: string[]) => cookieMatcher(names.map((name) => ({ name })));

describe('cookieMatcher', () => {
  it('matches whole names only, case-sensitively', () => {
    const matches = matcher('_ga', 'YSC');
    expect(['_ga', 'YSC'].filter(matches)).to.deep.equal(['_ga', 'YSC']);
    expect(['_gax', 'x_ga', '_g', '_GA', 'ysc', '', 'YSC '].filter(matches)).to.deep.equal([]);
  });

  it('reads * as any run of characters, including none', () => {
    const matches = matcher('_ga_*', '_gat*', '*_session');
    expect(
      ['_ga_ABC123', '_ga_', '_gat', '_gat_gtag_UA_123_1', 'pa_session', '_session'].every(matches),
    ).to.equal(true);
    expect(['_ga', '_gid', 'session', '_sessions'].some(matches)).to.equal(false);
  });

  it('matches `match` aliases too', () => {
    const matches = cookieMatcher([{ name: 'pa_session', match: ['pa_sess_*', 'PA.Legacy'] }]);
    expect(['pa_session', 'pa_sess_2', 'PA.Legacy'].every(matches)).to.equal(true);
    expect(matches('PAxLegacy')).to.equal(false);
  });

  it('deletes _utma along with __utma (misspelt in some privacy notices)', () => {
    const matches = cookieMatcher(PRESETS['google-analytics'].cookies);
    for (const name of [
      '__utma',
      '_utma',
      '__utmb',
      '_utmb',
      '__utmz',
      '_utmz',
      '__utmxx',
      '_utmxx',
      '_ga',
      '_ga_XYZ',
      '_gid',
      '_gat_UA-1-1',
    ])
      expect(matches(name), name).to.equal(true);
    expect(['___utma', 'utma', '_utmq', '_g'].some(matches)).to.equal(false);
  });

  it('still matches every _ga_* when the table shows _ga_<measurement id>', () => {
    const result = parseCatalogue({
      site: 'Oakfield',
      revision: 1,
      categories: { analytics: { services: ['google-analytics'] } },
      services: { 'google-analytics': { preset: 'google-analytics', measurementId: 'G-ABC123' } },
    });
    if (!result.ok) throw new Error('catalogue rejected');
    const matches = cookieMatcher(result.catalogue.services['google-analytics'].cookies);
    expect(matches('_ga_ABC123')).to.equal(true);
    expect(matches('_ga_OLD999')).to.equal(true);
  });

  it('treats regular-expression characters in names as literal', () => {
    const matches = matcher(
      'Slido.EventAuthTokens',
      'a+b',
      'x|y',
      '(z)',
      '[q]',
      '^c$',
      'd{2}',
      'e?',
      'back\\slash',
      '.*',
    );
    for (const name of [
      'Slido.EventAuthTokens',
      'a+b',
      'x|y',
      '(z)',
      '[q]',
      '^c$',
      'd{2}',
      'e?',
      'back\\slash',
      '.abc',
      '.',
    ])
      expect(matches(name), name).to.equal(true);
    for (const name of [
      'SlidoXEventAuthTokens',
      'aab',
      'x',
      'y',
      'z',
      'q',
      'c',
      'dd',
      'e',
      '',
      'backslash',
      'abc',
    ])
      expect(matches(name), name).to.equal(false);
  });

  it('matches nothing when nothing is declared', () => {
    expect(cookieMatcher([])('anything')).to.equal(false);
    expect(cookieMatcher([])('')).to.equal(false);
  });
});

describe('firstPartyCookies', () => {
  it('keeps only cookies this site can delete (not set on a provider domain)', () => {
    const result = parseCatalogue({
      site: 'Oakfield',
      revision: 1,
      categories: { embeds: { services: ['facebook', 'youtube', 'app'] } },
      services: { app: { title: 'App', provider: 'Example Ltd', cookies: [{ name: 'app_id' }] } },
    });
    if (!result.ok) throw new Error('catalogue rejected');
    const names = firstPartyCookies(result.catalogue.categories[0].services).map(
      (c: CookieDeclaration) => c.name,
    );
    expect(names).to.deep.equal(['_fbp', 'app_id']);
  });
});
