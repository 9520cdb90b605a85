import { expect } from '@open-wc/testing';
import { parseCatalogue, formatProblems } from '../../src/catalogue/validate.js';
import { PRESETS } from '../../src/catalogue/presets.js';
import type { Catalogue, PresetName } from '../../src/catalogue/types.js';

/** Every problem of a catalogue that must fail, as `path: message` lines. */
function problems(input: unknown): string[] {
  const result = parseCatalogue(input);
  expect(result.ok, 'the catalogue was accepted').to.equal(false);
  return result.ok ? [] : formatProblems(result.problems).split('\n');
}

function parsed(input: unknown): Catalogue {
  const result = parseCatalogue(input);
  if (!result.ok) expect.fail(formatProblems(result.problems));
  return result.ok ? result.catalogue : (undefined as never);
}

const base = () => ({
  site: 'Oakfield Primary School',
  revision: 1,
  categories: { essential: { required: true } },
});
/** A valid catalogue with one non-essential category holding `services`. */
const withServices = (services: Record<string, unknown>, category = 'embeds') => ({
  ...base(),
  categories: { essential: { required: true }, [category]: { services: Object.keys(services) } },
  services,
});
const app = (fields: Record<string, unknown> = {}) => ({
  title: 'App',
  provider: 'Example Ltd',
  cookies: [],
  ...fields,
});

const URL_MSG = 'expected an https: URL or a path starting with /';

describe('parseCatalogue: invalid catalogues', () => {
  const cases: [string, unknown, string[]][] = [
    ['null root', null, ['$: expected an object']],
    ['array root', [{ site: 'x' }], ['$: expected an object']],
    ['number root', 42, ['$: expected an object']],
    ['JSON text that is not an object', '"a string"', ['$: expected an object']],
    [
      'missing required keys',
      {},
      ['site: is required', 'revision: is required', 'categories: is required'],
    ],
    [
      'wrong types at the root',
      { site: ' ', revision: 1.5, categories: [] },
      [
        'site: expected a non-empty string',
        'revision: expected a positive integer',
        'categories: expected an object',
      ],
    ],
    [
      'no categories',
      { ...base(), categories: {} },
      ['categories: expected at least one category'],
    ],
    [
      'unknown keys, with and without a hint',
      { ...base(), catagories: {}, colour: 'red' },
      ['catagories: unknown key (did you mean "categories"?)', 'colour: unknown key'],
    ],
    [
      'javascript: URL',
      { ...base(), policyUrl: 'javascript:alert(document.cookie)' },
      [`policyUrl: javascript: URLs are not allowed; ${URL_MSG}`],
    ],
    [
      'other hostile URLs',
      withServices({
        a: app({ privacyUrl: 'data:text/html,<script>alert(1)</script>' }),
        b: app({ privacyUrl: '//evil.example/x' }),
        c: app({ privacyUrl: '/\\evil.example' }),
        d: app({ privacyUrl: ' JavaScript:alert(1)' }),
        e: app({ privacyUrl: 'https://' }),
        f: app({ privacyUrl: 'privacy.html' }),
        g: app({ privacyUrl: 'https://example.com/a b' }),
      }),
      [
        `services.a.privacyUrl: data: URLs are not allowed; ${URL_MSG}`,
        `services.b.privacyUrl: ${URL_MSG}`,
        `services.c.privacyUrl: ${URL_MSG}`,
        `services.d.privacyUrl: javascript: URLs are not allowed; ${URL_MSG}`,
        `services.e.privacyUrl: ${URL_MSG}`,
        `services.f.privacyUrl: ${URL_MSG}`,
        `services.g.privacyUrl: ${URL_MSG}`,
      ],
    ],
    [
      'unknown preset, with and without a hint',
      withServices({ videos: { preset: 'yotube' }, feed: { preset: 'instagram' } }),
      [
        'services.videos.preset: unknown preset "yotube" (did you mean "youtube"?)',
        'services.feed.preset: unknown preset "instagram"; presets: google-analytics, youtube, facebook, twitter, slido, site-search',
      ],
    ],
    [
      'missing service reference',
      { ...base(), categories: { embeds: { services: ['vimeo', 'youtub'] } } },
      [
        'categories.embeds.services[0]: no service named "vimeo" in services',
        'categories.embeds.services[1]: no service named "youtub" in services (did you mean "youtube"?)',
      ],
    ],
    [
      'analytics and embeds in a required category (COMPLIANCE R14)',
      {
        ...base(),
        categories: {
          essential: { required: true, services: ['stats', 'youtube', 'site-search'] },
        },
        services: { stats: { preset: 'google-analytics' } },
      },
      [
        'categories.essential.services[0]: "stats" cannot be in a required category: google-analytics always needs consent',
        'categories.essential.services[1]: "youtube" cannot be in a required category: youtube always needs consent',
      ],
    ],
    [
      'a service in two categories, a service in none',
      {
        ...base(),
        categories: { a: { services: ['youtube'] }, b: { services: ['youtube'] } },
        services: { youtube: { preset: 'youtube' }, spare: { preset: 'slido' } },
      },
      [
        'categories.b.services[0]: "youtube" is already in category "a"',
        'services.spare: not listed in any category',
      ],
    ],
    [
      'a service without a preset lacks title, provider and cookies',
      withServices({ app: { hosts: ['app.example.com'] } }),
      [
        'services.app.title: is required for a service without a preset',
        'services.app.provider: is required for a service without a preset',
        'services.app.cookies: is required for a service without a preset',
      ],
    ],
    [
      'wrong cookie fields',
      withServices({
        youtube: {
          preset: 'youtube',
          cookies: [
            { name: 'ok', match: ['_ok*'], party: 'first' },
            { name: 'a;b', match: 'x', party: 'both', path: 'no-slash', expiry: '1 year' },
            { name: 5 },
            {},
            'YSC',
          ],
        },
      }),
      [
        "services.youtube.cookies[1].name: expected a cookie name: letters, digits and !#$%&'+-.^_`|~ (* is a wildcard)",
        'services.youtube.cookies[1].match: expected an array',
        'services.youtube.cookies[1].party: expected "first" or "third"',
        'services.youtube.cookies[1].path: expected a path starting with /',
        'services.youtube.cookies[1].expiry: unknown key (did you mean "expires"?)',
        'services.youtube.cookies[2].name: expected a string',
        'services.youtube.cookies[3].name: is required',
        'services.youtube.cookies[4]: expected an object',
      ],
    ],
    [
      'hosts and measurement id',
      withServices({
        ga: {
          preset: 'google-analytics',
          hosts: ['https://x.com', 'x.com/path', 'ok.example'],
          measurementId: 'UA-1234-1',
        },
      }),
      [
        'services.ga.hosts[0]: expected a bare hostname such as www.example.com',
        'services.ga.hosts[1]: expected a bare hostname such as www.example.com',
        'services.ga.measurementId: expected a GA4 measurement ID such as G-ABC123',
      ],
    ],
    [
      'localised text',
      {
        ...base(),
        categories: {
          a: { title: {} },
          b: { title: { english: 'B' } },
          c: { description: { en: '' } },
          d: { title: 7 },
        },
      },
      [
        'categories.a.title: expected text, or an object of language → text such as {"en": "…", "cy": "…"}',
        'categories.b.title.english: expected a language tag such as en or cy',
        'categories.c.description.en: expected a non-empty string',
        'categories.d.title: expected text, or an object of language → text such as {"en": "…", "cy": "…"}',
      ],
    ],
    [
      'names',
      {
        ...base(),
        categories: {
          'Bad name': {},
          ['x'.repeat(65)]: {},
          _private: {},
          'ok-name_2': { required: 'yes' },
        },
      },
      [
        'categories["Bad name"]: expected a name of letters, digits, - and _ (at most 64, not starting with - or _)',
        `categories.${'x'.repeat(65)}: expected a name of letters, digits, - and _ (at most 64, not starting with - or _)`,
        'categories._private: expected a name of letters, digits, - and _ (at most 64, not starting with - or _)',
        'categories.ok-name_2.required: expected true or false',
      ],
    ],
    [
      'texts and consent cookie options',
      {
        ...base(),
        texts: { Welsh: {}, cy: { 'banner.heading': 1, '1st': 'x' } },
        cookie: { name: 'a b', days: 731, domain: '.sch.uk/' },
      },
      [
        'texts.Welsh: expected a language tag such as en or cy',
        'texts.cy["banner.heading"]: expected a string',
        'texts.cy.1st: expected a text key such as banner.heading',
        "cookie.name: expected a cookie name: letters, digits and !#$%&'+-.^_`|~",
        'cookie.days: expected a whole number of days from 1 to 730',
        'cookie.domain: expected a bare hostname such as www.example.com',
      ],
    ],
    [
      'statistical exception misuse (COMPLIANCE R30-R31)',
      {
        ...base(),
        categories: {
          stats: { required: true, basis: 'statistical-exception', services: ['youtube'] },
          other: { basis: 'maybe' },
        },
      },
      [
        'categories.other.basis: expected "consent" or "statistical-exception"',
        'categories.stats.basis: a required category cannot use the statistical exception',
        'categories.stats.services[0]: "youtube" cannot be in a required category: youtube always needs consent',
        'categories.stats.services[0]: "youtube" sets third-party cookies, so it cannot use the statistical exception',
      ],
    ],
  ];

  for (const [name, input, expected] of cases) {
    it(name, () => {
      expect(problems(input)).to.deep.equal(expected);
    });
  }

  it('reports a JSON syntax error at $', () => {
    const [line, ...rest] = problems('{"site": "Oakfield", }');
    expect(line).to.match(/^\$: not valid JSON: /);
    expect(rest).to.deep.equal([]);
  });

  it('treats __proto__ keys as unknown keys, and they pollute nothing', () => {
    const json =
      JSON.stringify(base()).slice(0, -1) +
      ',"__proto__":{"polluted":true},"services":{"__proto__":{"preset":"youtube"}},"texts":{"cy":{"__proto__":"x"}}}';
    expect(problems(json)).to.deep.equal([
      '__proto__: unknown key',
      'services.__proto__: expected a name of letters, digits, - and _ (at most 64, not starting with - or _)',
      'texts.cy.__proto__: expected a text key such as banner.heading',
    ]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('reads only own properties: nothing inherited, not even Object.prototype names', () => {
    expect(problems(Object.create(base()))).to.deep.equal([
      'site: is required',
      'revision: is required',
      'categories: is required',
    ]);
    expect(
      problems({ ...base(), categories: { a: { services: ['constructor', 'toString'] } } }),
    ).to.deep.equal([
      'categories.a.services[0]: no service named "constructor" in services',
      'categories.a.services[1]: no service named "toString" in services',
    ]);
    // An inherited `required: true` must not make YouTube essential behind the R14 check's back.
    const sneaky = Object.create({ required: true, services: ['youtube'] });
    const catalogue = parsed({ ...base(), categories: { essential: sneaky } });
    expect(catalogue.categories).to.deep.equal([
      { name: 'essential', required: false, services: [] },
    ]);
  });

  it('never throws, whatever the input', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const hostile = Object.defineProperty({}, 'site', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    // prettier-ignore
    const garbage: unknown[] = [
      undefined, null, 0, -1, 1.5, NaN, Infinity, '', ' ', '{', 'null', true, [], {}, [[]],
      { a: {} }, deep, '__proto__', 'javascript:alert(1)', Symbol('s'), 10n, () => 1, new Date(0),
      /x/, hostile, new Proxy({}, { ownKeys: () => { throw new Error('boom'); } }),
    ];
    const valid = withServices({
      youtube: { preset: 'youtube', cookies: [{ name: 'YSC', match: ['y'] }] },
    });
    const paths = [
      [],
      ['site'],
      ['revision'],
      ['categories'],
      ['categories', 'embeds'],
      ['categories', 'embeds', 'services'],
      ['services'],
      ['services', 'youtube'],
      ['services', 'youtube', 'cookies'],
      ['services', 'youtube', 'cookies', 0],
      ['services', 'youtube', 'cookies', 0, 'match'],
      ['texts'],
      ['cookie'],
    ];
    for (const path of paths)
      for (const value of garbage) {
        const input = path.length ? structuredClone(valid) : value;
        if (path.length) {
          let parent: any = input;
          for (const key of path.slice(0, -1)) parent = parent[key];
          parent[path[path.length - 1]] = value;
        }
        let result;
        expect(
          () => (result = parseCatalogue(input)),
          `${path.join('.')} = ${typeof value}`,
        ).not.to.throw();
        expect(result).to.have.property('ok');
      }
    expect(problems(hostile)).to.deep.equal(['$: could not be read']);
    // A statistical-exception service's hosts are named in its message: garbage there too.
    const stats = {
      site: 'X',
      revision: 1,
      categories: { statistics: { basis: 'statistical-exception', services: ['counter'] } },
      services: { counter: { title: 'Counter', provider: 'X', cookies: [], hosts: [] as unknown[] } },
    };
    for (const value of garbage) {
      const input = { ...stats, services: { counter: { ...stats.services.counter, hosts: [value, value] } } };
      expect(() => parseCatalogue(input), `hosts = [${typeof value}]`).not.to.throw();
    }
  });
});

describe('parseCatalogue: valid catalogues and preset expansion', () => {
  it('resolves a minimal catalogue with defaults', () => {
    expect(parsed(base())).to.deep.equal({
      site: 'Oakfield Primary School',
      revision: 1,
      categories: [{ name: 'essential', required: true, services: [] }],
      services: {},
      texts: {},
      cookie: { name: 'cookie_preferences', days: 365 },
    });
  });

  it('accepts the JSON text of a catalogue', () => {
    expect(parsed(JSON.stringify(base())).site).to.equal('Oakfield Primary School');
  });

  const oakfield = {
    $schema: 'https://cdn.jsdelivr.net/npm/consent-gate/catalogue.schema.json',
    site: 'Oakfield Primary School',
    revision: 4,
    policyUrl: '/privacy-notice#cookies',
    cookiesPageUrl: 'https://oakfield.example.sch.uk/cookies',
    categories: {
      essential: { required: true },
      analytics: { services: ['google-analytics', 'site-search'] },
      embeds: { services: ['youtube', 'facebook', 'twitter'] },
      polls: { title: { en: 'Polls', cy: 'Polau' }, services: ['slido'] },
    },
    services: {
      'google-analytics': { preset: 'google-analytics', measurementId: 'G-ABC123' },
      youtube: {
        preset: 'youtube',
        title: { en: 'School videos', cy: 'Fideos yr ysgol' },
        hosts: ['www.youtube-nocookie.com'],
      },
      parent: {
        title: 'Parent app',
        provider: 'Example Ltd',
        cookies: [{ name: 'pa_session', party: 'third' }],
      },
    },
    texts: { cy: { 'banner.heading': 'Cwcis ar {site}' } },
    cookie: { days: 180, domain: 'oakfield.example.sch.uk' },
  };
  oakfield.categories.polls.services.push('parent');

  it('keeps categories in declaration order, and shares each service between map and category', () => {
    const catalogue = parsed(oakfield);
    expect(catalogue.categories.map((c) => c.name)).to.deep.equal([
      'essential',
      'analytics',
      'embeds',
      'polls',
    ]);
    expect(catalogue.categories.map((c) => c.services.map((s) => s.name))).to.deep.equal([
      [],
      ['google-analytics', 'site-search'],
      ['youtube', 'facebook', 'twitter'],
      ['slido', 'parent'],
    ]);
    for (const category of catalogue.categories)
      for (const service of category.services) {
        expect(catalogue.services[service.name]).to.equal(service);
        expect(service.category).to.equal(category.name);
      }
    expect(catalogue.categories[3].title).to.deep.equal({ en: 'Polls', cy: 'Polau' });
    expect(catalogue.categories[0].required).to.equal(true);
    expect(catalogue.categories[1].required).to.equal(false);
    expect(catalogue.texts).to.deep.equal(oakfield.texts);
    expect(catalogue.cookie).to.deep.equal({
      name: 'cookie_preferences',
      days: 180,
      domain: 'oakfield.example.sch.uk',
    });
    expect(catalogue).to.include({
      policyUrl: '/privacy-notice#cookies',
      cookiesPageUrl: 'https://oakfield.example.sch.uk/cookies',
    });
    expect(catalogue).not.to.have.property('$schema');
  });

  it('expands presets; site fields override them field by field', () => {
    const { services } = parsed(oakfield);
    expect(services.youtube).to.include({ provider: 'Google (YouTube)', preset: 'youtube' });
    expect(services.youtube.title).to.deep.equal({ en: 'School videos', cy: 'Fideos yr ysgol' });
    expect(services.youtube.hosts).to.deep.equal(['www.youtube-nocookie.com']);
    expect(services.youtube.cookies).to.deep.equal(PRESETS.youtube.cookies);
    expect(services.facebook).to.include({
      provider: 'Meta',
      privacyUrl: 'https://www.facebook.com/privacy/policy/',
    });
    expect(services.parent).to.deep.equal({
      name: 'parent',
      category: 'polls',
      title: 'Parent app',
      provider: 'Example Ltd',
      hosts: [],
      cookies: [{ name: 'pa_session', party: 'third' }],
    });
  });

  it("replaces a preset's cookies with the site's list; a cookie the preset names gets the preset's texts the site left out", () => {
    const { services } = parsed(
      withServices({
        videos: { preset: 'youtube', cookies: [{ name: 'YSC', expires: 'at the end of your visit' }, { name: 'own_cookie' }] },
      }),
    );
    const ysc = PRESETS.youtube.cookies.find((c) => c.name === 'YSC')!;
    expect(services.videos.cookies).to.deep.equal([
      { name: 'YSC', expires: 'at the end of your visit', purpose: ysc.purpose },
      { name: 'own_cookie' },
    ]);
    expect(services.videos.hosts).to.deep.equal(PRESETS.youtube.hosts);
  });

  it('names the GA4 session cookie after the measurement id, still matching every _ga_*', () => {
    const { services } = parsed(oakfield);
    const session = services['google-analytics'].cookies.find((c) => c.name.startsWith('_ga_'));
    expect(session).to.include({ name: '_ga_ABC123', expires: '2 years', party: 'first' });
    expect(session?.match).to.deep.equal(['_ga_*']);
    expect(PRESETS['google-analytics'].cookies[1].name, 'the preset is untouched').to.equal(
      '_ga_*',
    );
  });

  it('runs site search as the site itself, under its privacy notice', () => {
    expect(parsed(oakfield).services['site-search']).to.include({
      provider: 'Oakfield Primary School',
      privacyUrl: '/privacy-notice#cookies',
      category: 'analytics',
    });
  });

  it('takes a preset name listed in a category as that preset', () => {
    const { services } = parsed({ ...base(), categories: { embeds: { services: ['twitter'] } } });
    expect(services.twitter).to.include({
      name: 'twitter',
      preset: 'twitter',
      provider: 'X Corp.',
    });
  });

  it('shares nothing with the input or the presets', () => {
    const input = structuredClone(oakfield);
    const catalogue = parsed(input);
    catalogue.services.youtube.hosts.push('evil.example');
    catalogue.services.facebook.cookies[0].name = 'changed';
    (catalogue.categories[3].title as Record<string, string>).en = 'changed';
    expect(input.services.youtube.hosts).to.deep.equal(['www.youtube-nocookie.com']);
    expect(PRESETS.facebook.cookies[0].name).to.equal('_fbp');
    expect(input.categories.polls.title.en).to.equal('Polls');
  });

  it('keeps the basis of a statistical-exception category', () => {
    const catalogue = parsed({
      ...base(),
      categories: { stats: { basis: 'statistical-exception', services: ['site-search'] } },
    });
    expect(catalogue.categories[0]).to.include({ basis: 'statistical-exception', required: false });
  });
});

describe('presets', () => {
  const names = Object.keys(PRESETS) as PresetName[];

  it('are the six the design names', () => {
    expect(names).to.deep.equal([
      'google-analytics',
      'youtube',
      'facebook',
      'twitter',
      'slido',
      'site-search',
    ]);
  });

  for (const name of names) {
    it(`${name}: passes validation as-is, with provider, privacy link, hosts, and every cookie described`, () => {
      const catalogue = parsed({
        ...base(),
        policyUrl: '/privacy',
        categories: { c: { services: [name] } },
      });
      const service = catalogue.services[name];
      expect(service.title).to.be.a('string').and.not.empty;
      expect(service.provider).to.be.a('string').and.not.empty;
      expect(service.privacyUrl).to.match(/^(https:\/\/|\/privacy$)/);
      if (name !== 'site-search') expect(service.hosts).not.to.be.empty;
      for (const host of service.hosts) expect(host).to.match(/^[a-z0-9.-]+$/);
      expect(service.cookies).not.to.be.empty;
      for (const cookie of service.cookies) {
        expect(cookie.name, name).to.be.a('string').and.not.empty;
        expect(cookie.purpose, cookie.name).to.be.a('string').and.not.empty;
        expect(cookie.expires, cookie.name).to.match(
          /^(session|\d+ (minutes?|hours?|days?|months?|years?))$/,
        );
        expect(cookie.party, cookie.name).to.be.oneOf(['first', 'third']);
      }
    });
  }

  it('google-analytics: GA4 and legacy ga.js cookies with their published expiry', () => {
    const expiry = Object.fromEntries(
      PRESETS['google-analytics'].cookies.map((c) => [c.name, c.expires]),
    );
    expect(expiry).to.deep.equal({
      _ga: '2 years',
      '_ga_*': '2 years',
      _gid: '24 hours',
      '_gat*': '1 minute',
      __utma: '2 years',
      __utmb: '30 minutes',
      __utmc: 'session',
      __utmz: '6 months',
      __utmv: '2 years',
      __utmt: '10 minutes',
      __utmx: '18 months',
      __utmxx: '18 months',
    });
  });

  it('google-analytics: every legacy __utm cookie also matches the single-underscore spelling', () => {
    for (const cookie of PRESETS['google-analytics'].cookies.filter((c) =>
      c.name.startsWith('__utm'),
    ))
      expect(cookie.match, cookie.name).to.deep.equal([cookie.name.slice(1)]);
  });

  it('party: script-set cookies are first-party, provider-domain cookies third-party', () => {
    const party = (preset: PresetName) =>
      Object.fromEntries(PRESETS[preset].cookies.map((c) => [c.name, c.party]));
    expect(new Set(Object.values(party('google-analytics')))).to.deep.equal(new Set(['first']));
    expect(party('facebook')).to.deep.equal({
      _fbp: 'first',
      fr: 'third',
      datr: 'third',
      sb: 'third',
    });
    expect(new Set(Object.values(party('youtube')))).to.deep.equal(new Set(['third']));
    expect(party('site-search')).to.deep.equal({ search_stats_id: 'first' });
  });
});

describe('formatProblems', () => {
  it('writes one `path: message` line per problem', () => {
    expect(
      formatProblems([
        { path: 'site', message: 'is required' },
        { path: '$', message: 'x' },
      ]),
    ).to.equal('site: is required\n$: x');
    expect(formatProblems([])).to.equal('');
  });
});
