/**
 * Strings of the cookie table (the privacy notice's list of cookies), per locale. They live here,
 * beside the pure table builder, until they join the UI's tables in `src/i18n/`: `catalogue/`
 * must not import from `i18n/` (the flow goes the other way). The keys are already namespaced
 * (`table.…`) so they can move there unchanged, and a catalogue's `texts` override them like any
 * other string.
 */

export type TableLocale = 'en-GB' | 'cy';

export const tableStringsEnGB = {
  'table.name': 'Name',
  'table.purpose': 'Purpose',
  'table.expires': 'Expires',
  'table.setBy': 'Set by',
  'table.provider': 'Provider',
  'table.party': 'First or third party',
  'table.party.first': 'First party',
  'table.party.third': 'Third party',
  /** The site itself sets the cookie. */
  'table.setBy.site': 'This website',
  /** Another organisation's code sets the cookie on this site's domain. */
  'table.setBy.first': '{provider}, on this website',
  /** The cookie is set on the provider's own domain. */
  'table.setBy.third': '{provider}',
  'table.empty': 'This category sets no cookies.',
  'table.session': 'When you close your browser',
  'table.consentCookie.purpose': 'Saves your cookie settings',
  /** The script tag's short-path memo (`src/gate/short-path.ts`), listed beside the consent cookie. */
  'table.consentStorage.purpose':
    'Not a cookie: kept in your browser’s local storage. A copy of your cookie settings, so each page can apply them quickly',
  'table.caption.essential': 'Essential cookies',
  'table.caption.analytics': 'Analytics cookies',
  'table.caption.embeds': 'Embedded content cookies',
  'table.caption.functional': 'Cookies that remember your settings',
  'table.caption.marketing': 'Marketing cookies',
};

export type TableStringKey = keyof typeof tableStringsEnGB;
export type TableStrings = Record<TableStringKey, string>;

/** Welsh, with the GOV.UK/ONS terms (Enw / Diben / Dod i ben; "cwcis dadansoddol"). */
export const tableStringsCy: TableStrings = {
  'table.name': 'Enw',
  'table.purpose': 'Diben',
  'table.expires': 'Dod i ben',
  'table.setBy': 'Wedi’i osod gan',
  'table.provider': 'Darparwr',
  'table.party': 'Parti cyntaf neu drydydd parti',
  'table.party.first': 'Parti cyntaf',
  'table.party.third': 'Trydydd parti',
  'table.setBy.site': 'Y wefan hon',
  'table.setBy.first': '{provider}, ar y wefan hon',
  'table.setBy.third': '{provider}',
  'table.empty': 'Nid yw’r categori hwn yn gosod unrhyw gwcis.',
  'table.session': 'Pan fyddwch chi’n cau eich porwr',
  'table.consentCookie.purpose': 'Yn cadw eich gosodiadau cwcis',
  'table.consentStorage.purpose':
    'Nid cwci: yn cael ei gadw yn storfa leol eich porwr. Copi o’ch gosodiadau cwcis, fel bod pob tudalen yn gallu eu defnyddio’n gyflym',
  'table.caption.essential': 'Cwcis hanfodol',
  'table.caption.analytics': 'Cwcis dadansoddol',
  'table.caption.embeds': 'Cwcis cynnwys wedi’i fewnosod',
  'table.caption.functional': 'Cwcis sy’n cofio eich gosodiadau',
  'table.caption.marketing': 'Cwcis marchnata',
};

export const TABLE_STRINGS: Record<TableLocale, TableStrings> = {
  'en-GB': tableStringsEnGB,
  cy: tableStringsCy,
};

/**
 * Units of the expiry durations written in catalogues and presets ("2 years", "30 minutes"), in
 * Welsh. Welsh counts change the noun's first letter after some numbers (1 flwyddyn, 2 flynedd,
 * 5 mlynedd); the other units keep one form after a figure.
 */
export const welshUnits: Record<string, (n: number) => string> = {
  year: (n) =>
    n == 1
      ? 'flwyddyn'
      : n == 2
        ? 'flynedd'
        : [5, 7, 8, 9, 10].includes(n) || n % 10 == 0
          ? 'mlynedd'
          : 'blynedd',
  month: () => 'mis',
  week: () => 'wythnos',
  day: () => 'diwrnod',
  hour: () => 'awr',
  minute: () => 'munud',
  second: () => 'eiliad',
};
