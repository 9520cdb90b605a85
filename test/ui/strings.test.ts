import { expect, fixture, html } from '@open-wc/testing';
import { PRESETS } from '../../src/catalogue/presets.js';
import { parseCatalogue } from '../../src/catalogue/validate.js';
import { CONTROLLER_KEY } from '../../src/consent/controller.js';
import { cy } from '../../src/i18n/cy.js';
import { cyExpiry, cyPresetTexts } from '../../src/i18n/cy-presets.js';
import type { StringKey } from '../../src/i18n/en-GB.js';
import { enGB } from './english.js';
import '../../src/i18n/add-cy.js';
import { listOf, localeOf, localise, localiseExpiry, siteDetails, translator } from '../../src/i18n/strings.js';
import { runningController } from '../../src/ui/running-controller.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string tables', () => {
  it('Welsh translates every English key, keeping the same placeholders', () => {
    expect(Object.keys(cy).sort()).to.deep.equal(Object.keys(enGB).sort());
    for (const key of Object.keys(enGB) as StringKey[]) {
      expect(placeholders(cy[key]), key).to.deep.equal(placeholders(enGB[key]));
      expect(cy[key].trim(), key).not.to.equal('');
    }
  });

  it('Welsh strings are Welsh: none is left as the English text', () => {
    for (const key of Object.keys(enGB) as StringKey[]) expect(cy[key], key).not.to.equal(enGB[key]);
  });

  it('uses one Welsh term for analytics cookies and for cookie settings', () => {
    const welsh = Object.values(cy).join('\n');
    expect(welsh).to.include('cwcis dadansoddol');
    expect(welsh).not.to.match(/cwcis (dadansoddeg|dadansoddi)\b/);
    expect(welsh).to.include('gosodiadau cwcis');
    expect(welsh).not.to.match(/dewisiadau cwci\b|gosodiadau cwci\b/);
  });

  it('uses the GOV.UK Welsh for the banner', () => {
    expect(cy['banner.heading']).to.equal('Cwcis ar {site}');
    expect(cy['banner.accept']).to.equal('Derbyn cwcis ychwanegol');
    expect(cy['banner.reject']).to.equal('Gwrthod cwcis ychwanegol');
    expect(cy['banner.viewCookies']).to.equal('Gweld cwcis');
    expect(cy['banner.hide']).to.equal("Cuddio'r neges hon");
    expect(cy['category.essential.title']).to.equal('Cwcis hanfodol');
    expect(cy['category.analytics.question']).to.equal('Ydych chi eisiau derbyn cwcis dadansoddol?');
  });

  it('words Accept and Reject symmetrically in both languages', () => {
    for (const table of [enGB, cy]) {
      const [accept, reject] = [table['banner.accept'], table['banner.reject']];
      expect(accept.split(' ').slice(1)).to.deep.equal(reject.split(' ').slice(1));
      expect(accept).not.to.match(/recommend|argymell/i);
    }
  });
});

describe('translator', () => {
  it('fills placeholders and lets the catalogue override any key per language', () => {
    const t = translator('cy', { cy: { 'banner.heading': 'Croeso i {site}' }, en: { 'banner.heading': 'x' } }, { site: 'Ysgol' });
    expect(t('banner.heading')).to.equal('Croeso i Ysgol');
    expect(t('banner.accept')).to.equal('Derbyn cwcis ychwanegol');
    const en = translator('en-GB', { en: { 'banner.hide': 'Hide' }, 'en-GB': { 'banner.accept': 'Accept' } });
    expect(en('banner.hide')).to.equal('Hide');
    expect(en('banner.accept')).to.equal('Accept');
  });

  it('uses a language the site supplies, falling back to English for keys it leaves out', () => {
    const t = translator('gd', { gd: { 'banner.heading': 'Briosgaidean air {site}' } }, { site: 'Sgoil' });
    expect(t('banner.heading')).to.equal('Briosgaidean air Sgoil');
    expect(t('banner.accept')).to.equal(enGB['banner.accept']);
  });

  it('shows a key no table has as itself rather than throwing (a part of English not loaded)', () => {
    expect(translator('en-GB')('preferences.missing' as StringKey)).to.equal('preferences.missing');
  });
});

describe('localeOf', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('reads the element, then the nearest [lang], then <html lang>', async () => {
    const tree = await fixture(html`<div lang="cy-GB"><p><span id="inner"></span><b lang="en">x</b></p></div>`);
    expect(localeOf(tree.querySelector('#inner')!)).to.equal('cy');
    expect(localeOf(tree.querySelector('b')!)).to.equal('en-GB');
    const loose = await fixture(html`<i></i>`);
    document.documentElement.lang = 'CY';
    expect(localeOf(loose)).to.equal('cy');
    document.documentElement.lang = 'fr';
    expect(localeOf(loose)).to.equal('en-GB', 'no French strings: English');
    expect(localeOf(loose, { fr: { 'banner.heading': 'Cookies sur {site}' } })).to.equal('fr');
    document.documentElement.lang = 'gd-GB';
    expect(localeOf(loose, { gd: {} })).to.equal('gd');
    expect(localeOf(loose, { 'gd-GB': {}, gd: {} })).to.equal('gd-GB');
  });
});

describe('site details per language', () => {
  const catalogue = (texts: Record<string, Record<string, string>>) => {
    const r = parseCatalogue({ site: 'Oakfield Primary School', revision: 1, cookiesPageUrl: '/cookies', categories: { essential: { required: true } }, texts });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.catalogue;
  };

  it('takes the Welsh site name and cookies page from texts, and refuses unsafe URLs', () => {
    const c = catalogue({ cy: { site: 'Ysgol Gynradd Oakfield', cookiesPageUrl: '/cy/cookies', policyUrl: 'javascript:alert(1)' } });
    expect(siteDetails(c, 'cy')).to.deep.equal({ site: 'Ysgol Gynradd Oakfield', cookiesPageUrl: '/cy/cookies', policyUrl: undefined });
    expect(siteDetails(c, 'en-GB')).to.deep.equal({ site: 'Oakfield Primary School', cookiesPageUrl: '/cookies', policyUrl: undefined });
    expect(siteDetails(catalogue({ cy: { cookiesPageUrl: '//evil.example/' } }), 'cy').cookiesPageUrl).to.equal('/cookies');
  });
});

describe('catalogue texts in Welsh', () => {
  it('has Welsh for every text the presets supply', () => {
    const texts = Object.values(PRESETS).flatMap((p) => [
      p.title,
      p.description,
      ...p.cookies.map((c) => c.purpose),
    ]);
    const proper = /^(Google Analytics|YouTube|Facebook|X \(Twitter\)|Slido)$/;
    for (const text of texts) {
      if (typeof text !== 'string' || proper.test(text)) continue;
      expect(cyPresetTexts[text], text).to.be.a('string');
      expect(localise(text, 'cy')).to.equal(cyPresetTexts[text]);
      expect(localise(text, 'en-GB')).to.equal(text);
    }
  });

  it('leaves a site’s own wording alone and picks per-language texts', () => {
    expect(localise('Keeps you signed in to the parent app', 'cy')).to.equal('Keeps you signed in to the parent app');
    expect(localise({ en: 'Polls', cy: 'Polau' }, 'cy')).to.equal('Polau');
    expect(localise({ en: 'Polls', cy: 'Polau' }, 'en-GB')).to.equal('Polls');
    expect(localise({ 'en-GB': 'Polls' }, 'cy')).to.equal('Polls');
    expect(localise(undefined, 'cy')).to.equal('');
  });

  it('writes expiries in Welsh, mutating blwyddyn after numbers', () => {
    const cases: Record<string, string> = {
      '2 years': '2 flynedd',
      '1 year': '1 flwyddyn',
      '5 years': '5 mlynedd',
      '3 years': '3 blynedd',
      '24 hours': '24 awr',
      '30 minutes': '30 munud',
      '1 minute': '1 munud',
      '6 months': '6 mis',
      '7 days': '7 diwrnod',
      session: 'sesiwn',
      '6 months to 2 years': '6 mis i 2 flynedd',
      '6 months–2 years': '6 mis i 2 flynedd',
      'until you log out': 'until you log out',
    };
    for (const [english, welsh] of Object.entries(cases)) expect(cyExpiry(english), english).to.equal(welsh);
    expect(localiseExpiry('2 years', 'en-GB')).to.equal('2 years');
    expect(localiseExpiry({ en: '1 year', cy: 'blwyddyn' }, 'cy')).to.equal('blwyddyn');
  });
});

describe('listOf', () => {
  it('joins lists in English and in Welsh, with "ac" before a vowel and the aspirate mutation', () => {
    expect(listOf(['A'], 'and')).to.equal('A');
    expect(listOf(['A', 'B', 'C'], 'and')).to.equal('A, B and C');
    expect(listOf(['YouTube', 'Facebook'], 'a')).to.equal('YouTube a Facebook');
    expect(listOf(['Facebook', 'YouTube'], 'a')).to.equal('Facebook ac YouTube');
    expect(listOf(['cwcis dadansoddol', 'cwcis marchnata'], 'a')).to.equal('cwcis dadansoddol a chwcis marchnata');
  });
});

describe('the UI finds the running controller', () => {
  it('under the same key the gate stores it', () => {
    const marker = {};
    (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY] = marker;
    expect(runningController()).to.equal(marker);
    delete (globalThis as Record<symbol, unknown>)[CONTROLLER_KEY];
  });
});
