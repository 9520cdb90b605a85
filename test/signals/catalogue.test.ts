import { expect } from '@open-wc/testing';
import { formatProblems, parseCatalogue } from '../../src/catalogue/validate.js';

const problems = (input: unknown) => {
  const result = parseCatalogue(input);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
};
const parsed = (input: unknown) => {
  const result = parseCatalogue(input);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.catalogue;
};
const ACK = 'Google signals, data sharing and ads links are off: Google gives us statistics only.';

describe('catalogue: the statistical exception (COMPLIANCE R30, R31)', () => {
  const stats = (services: string[], extra: Record<string, unknown> = {}, serviceInputs: Record<string, unknown> = {}) => ({
    site: 'S',
    revision: 1,
    categories: { stats: { basis: 'statistical-exception', services, ...extra } },
    services: serviceInputs,
  });

  it('accepts first-party site statistics', () => {
    expect(problems(stats(['site-search']))).to.deep.equal([]);
  });

  it('refuses Google Analytics without an acknowledgement, and says how to give one', () => {
    expect(problems(stats(['google-analytics']))).to.deep.equal([
      'categories.stats.services[0]: "google-analytics" is Google Analytics, and Google may use the data for its own purposes: it can use the statistical exception only with "statisticalExceptionAcknowledgement" on the service, saying the provider uses the data only to give you statistics',
    ]);
    // A custom service carrying a GA measurement id is Google Analytics too.
    expect(
      problems(stats(['ga'], {}, { ga: { title: 'GA', provider: 'Google', cookies: [{ name: '_ga' }], measurementId: 'G-X1' } })),
    ).to.have.length(1);
  });

  it('accepts Google Analytics with the acknowledgement on the service', () => {
    const input = stats(['ga'], {}, { ga: { preset: 'google-analytics', statisticalExceptionAcknowledgement: ACK } });
    expect(problems(input)).to.deep.equal([]);
  });

  it('refuses providers that use data for their own purposes, whatever the acknowledgement', () => {
    // The site replaced Meta's cookie list with first-party ones: still Meta, still advertising.
    const input = stats(['fb'], {}, {
      fb: { preset: 'facebook', cookies: [{ name: '_fbp', party: 'first' }], statisticalExceptionAcknowledgement: ACK },
    });
    expect(problems(input)).to.deep.equal([
      'categories.stats.services[0]: "fb" is facebook, whose provider uses the data for its own purposes, advertising included, so it cannot use the statistical exception',
    ]);
    expect(problems(stats(['twitter']))[0]).to.include('sets third-party cookies');
  });

  it('asks for the acknowledgement when a service loads from another host', () => {
    const matomo = { title: 'Visit counts', provider: 'Example Analytics Ltd', hosts: ['stats.example.com'], cookies: [{ name: '_pk_id.*' }] };
    expect(problems(stats(['matomo'], {}, { matomo }))[0]).to.include('loads from other hosts (stats.example.com)');
    expect(problems(stats(['matomo'], {}, { matomo: { ...matomo, statisticalExceptionAcknowledgement: ACK } }))).to.deep.equal([]);
  });

  it('refuses a category with ad features (Consent Mode ad_* types), by default or by mapping', () => {
    expect(
      problems({ site: 'S', revision: 1, categories: { marketing: { basis: 'statistical-exception', services: ['site-search'] } } }),
    ).to.deep.equal([
      'categories.marketing.basis: a category that grants ad_storage, ad_user_data, ad_personalization (Consent Mode) has ad features, so it cannot use the statistical exception',
    ]);
    expect(
      problems({ ...stats(['site-search']), consentMode: { categories: { stats: ['analytics_storage', 'ad_user_data'] } } }),
    ).to.deep.equal([
      'categories.stats.basis: a category that grants ad_user_data (Consent Mode) has ad features, so it cannot use the statistical exception',
    ]);
  });

  it('refuses a too-short acknowledgement', () => {
    const input = stats(['ga'], {}, { ga: { preset: 'google-analytics', statisticalExceptionAcknowledgement: '   yes   ' } });
    expect(problems(input)[0]).to.match(/^services\.ga\.statisticalExceptionAcknowledgement: expected a sentence/);
  });
});

describe('catalogue: Consent Mode settings', () => {
  const base = (extra: Record<string, unknown> = {}, categories: Record<string, unknown> = {}) => ({
    site: 'S',
    revision: 1,
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics'] },
      functional: {},
      marketing: {},
      videos: { services: ['youtube'] },
      ...categories,
    },
    ...extra,
  });

  it('is on by default with the google-analytics preset, with the issue-given defaults', () => {
    expect(parsed(base()).consentMode).to.deep.equal({
      categories: {
        analytics: ['analytics_storage'],
        functional: ['functionality_storage', 'personalization_storage'],
        marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
        videos: [],
      },
      waitForUpdate: 500,
      adsDataRedaction: false,
      urlPassthrough: false,
    });
  });

  it('is off without Google Analytics unless asked for, and off when set false', () => {
    const noGa = { site: 'S', revision: 1, categories: { analytics: { services: ['site-search'] } } };
    expect(parsed(noGa).consentMode).to.equal(undefined);
    expect(parsed({ ...noGa, consentMode: true }).consentMode?.categories).to.deep.equal({ analytics: ['analytics_storage'] });
    expect(parsed(base({ consentMode: false })).consentMode).to.equal(undefined);
  });

  it('maps a category holding Google Analytics to analytics_storage whatever its name', () => {
    const input = { site: 'S', revision: 1, categories: { stats: { services: ['google-analytics'] } } };
    expect(parsed(input).consentMode?.categories).to.deep.equal({ stats: ['analytics_storage'] });
  });

  it('takes the catalogue mapping over the defaults, and the tuning options', () => {
    const mode = parsed(
      base({
        consentMode: {
          categories: { functional: ['functionality_storage'], videos: ['personalization_storage'] },
          waitForUpdate: 1000,
          adsDataRedaction: true,
          urlPassthrough: true,
        },
      }),
    ).consentMode!;
    expect(mode.categories.functional).to.deep.equal(['functionality_storage']);
    expect(mode.categories.videos).to.deep.equal(['personalization_storage']);
    expect(mode.categories.analytics).to.deep.equal(['analytics_storage']);
    expect([mode.waitForUpdate, mode.adsDataRedaction, mode.urlPassthrough]).to.deep.equal([1000, true, true]);
  });

  it('names unknown categories and types in the mapping', () => {
    expect(problems(base({ consentMode: { categories: { analytcs: ['analytics_storage'] } } }))).to.deep.equal([
      'consentMode.categories.analytcs: no category named "analytcs" (did you mean "analytics"?)',
    ]);
    expect(problems(base({ consentMode: { categories: { analytics: ['security_storage'] } } }))[0]).to.match(
      /^consentMode\.categories\.analytics\[0\]: expected one of ad_storage/,
    );
    expect(problems(base({ consentMode: { waitForUpdate: -1 } }))).to.have.length(1);
  });
});

describe('catalogue: receipts and gpc', () => {
  const base = { site: 'S', revision: 1, categories: { analytics: {} } };

  it('keeps a receipts path and the gpc mode', () => {
    const catalogue = parsed({ ...base, receipts: { url: '/consent/receipts?site=1' }, gpc: 'silent' });
    expect(catalogue.receipts).to.deep.equal({ url: '/consent/receipts?site=1' });
    expect(catalogue.gpc).to.equal('silent');
  });

  it('refuses receipts to any other site, however the URL is written', () => {
    for (const url of ['https://collector.example.com/r', '//collector.example.com/r', '/\\collector.example.com', 'javascript:alert(1)', 'receipts']) {
      expect(problems({ ...base, receipts: { url } }), url).to.deep.equal([
        'receipts.url: expected a path on this site such as /consent-receipts: receipts are never sent to another site',
      ]);
    }
    expect(problems({ ...base, receipts: {} })).to.deep.equal(['receipts.url: is required']);
  });
});
