import type { StringTable } from './en-GB.js';

/**
 * Welsh (cy) strings, using the GOV.UK/ONS public-sector terms. "Analytics cookies" is always
 * "cwcis dadansoddol".
 */
export const cy: StringTable = {
  'banner.label': 'Cwcis ar {site}',
  'banner.heading': 'Cwcis ar {site}',
  'banner.essential': "Rydyn ni'n defnyddio rhai cwcis hanfodol i wneud i'r wefan hon weithio.",
  'banner.additional':
    "Hoffem hefyd ddefnyddio cwcis dadansoddol i ddeall sut rydych chi'n defnyddio'r wefan, ac i ddangos fideos, negeseuon a pholau gan sefydliadau eraill, fel YouTube, Facebook ac X, sy'n gosod eu cwcis eu hunain.",
  'banner.accept': 'Derbyn cwcis ychwanegol',
  'banner.reject': 'Gwrthod cwcis ychwanegol',
  'banner.viewCookies': 'Gweld cwcis',
  'banner.accepted': "Rydych chi wedi derbyn cwcis ychwanegol.",
  'banner.rejected': "Rydych chi wedi gwrthod cwcis ychwanegol.",
  'banner.changeSettings': 'Gallwch newid eich gosodiadau cwcis unrhyw bryd.',
  'banner.changeSettingsLink': 'newid eich gosodiadau cwcis',
  'banner.hide': "Cuddio'r neges cwcis",
};
