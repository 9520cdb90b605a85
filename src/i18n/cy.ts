import type { StringTable } from './en-GB.js';

/**
 * Welsh (cy) strings, using the GOV.UK/ONS public-sector terms listed in COMPLIANCE.md wherever one
 * exists. One word for each idea, everywhere: "analytics cookies" is always "cwcis dadansoddol",
 * "cookie settings" always "gosodiadau cwcis". The questions all start "Ydych chi eisiau…?", so
 * their answers are "Ydw" / "Nac ydw".
 */
export const cy: StringTable = {
  'banner.label': 'Cwcis ar {site}',
  'banner.heading': 'Cwcis ar {site}',
  'banner.essential': "Rydyn ni'n defnyddio rhai cwcis hanfodol i wneud i'r wefan hon weithio.",
  'banner.additional': 'Hoffem hefyd ddefnyddio {purposes}.',
  'banner.thirdParties': "Mae sefydliadau eraill yn gosod rhai o'r cwcis hyn: {services}.",
  'banner.gpc':
    "Gofynnodd eich porwr i wefannau beidio â rhannu na gwerthu eich data (Global Privacy Control), felly mae cwcis ychwanegol wedi'u diffodd. Gallwch ddewis o hyd.",
  'banner.exception': "{title}: ymlaen oni bai eich bod yn ei ddiffodd. Nid yw'n eich adnabod chi.",
  'banner.accept': 'Derbyn cwcis ychwanegol',
  'banner.reject': 'Gwrthod cwcis ychwanegol',
  'banner.choose': 'Dewis cwcis',
  'banner.turnOff': 'Diffodd {title}',
  'banner.viewCookies': 'Gweld cwcis',
  'banner.accepted': 'Rydych chi wedi derbyn cwcis ychwanegol.',
  'banner.rejected': 'Rydych chi wedi gwrthod cwcis ychwanegol.',
  'banner.saved': 'Rydych chi wedi gosod eich dewisiadau cwcis.',
  'banner.turnedOff': 'Rydych chi wedi diffodd {title}.',
  'banner.changeSettings': 'Gallwch {link} unrhyw bryd.',
  'banner.changeSettingsLink': 'newid eich gosodiadau cwcis',
  'banner.hide': "Cuddio'r neges hon",

  'preferences.heading': 'Gosodiadau cwcis',
  'preferences.intro': 'Dewiswch pa gwcis ychwanegol y gallwn eu defnyddio. Gallwch newid eich dewis unrhyw bryd.',
  'preferences.close': 'Cau',
  'preferences.alwaysOn': 'Bob amser ymlaen',
  'preferences.exception': "Mae hwn ymlaen oni bai eich bod yn ei ddiffodd. Nid yw'n eich adnabod chi.",
  'preferences.question': 'Ydych chi eisiau derbyn cwcis ar gyfer {title}?',
  'preferences.exceptionQuestion': 'Ydych chi eisiau caniatáu {title}?',
  'preferences.yes': 'Ydw',
  'preferences.no': 'Nac ydw',
  'preferences.details': "Gwasanaethau a chwcis",
  'preferences.setBy': "Wedi'i osod gan {provider}.",
  'preferences.privacy': 'Polisi preifatrwydd {provider}',
  'preferences.newTab': '(yn agor mewn tab newydd)',
  'preferences.save': 'Cadw gosodiadau cwcis',
  'preferences.serviceQuestion': 'Ydych chi eisiau derbyn cwcis gan {service}?',

  'cookiesPage.back': "Ewch yn ôl i'r dudalen roeddech chi'n edrych arni",

  'embed.video': "Mae'r fideo hwn ar {service}. Os byddwch chi'n ei chwarae yma, bydd {provider} yn gosod cwcis ar eich dyfais.",
  'embed.posts': "Mae'r negeseuon hyn ar {service}. Os byddwch chi'n eu dangos yma, bydd {provider} yn gosod cwcis ar eich dyfais.",
  'embed.poll': "Mae'r pôl hwn ar {service}. Os byddwch chi'n ymuno yma, bydd {provider} yn gosod cwcis ar eich dyfais.",
  'embed.content': "Mae'r cynnwys hwn gan {service}. Os byddwch chi'n ei ddangos yma, bydd {provider} yn gosod cwcis ar eich dyfais.",
  'embed.load.video': 'Chwarae fideo',
  'embed.load.posts': 'Dangos negeseuon',
  'embed.load.poll': "Ymuno â'r pôl",
  'embed.load.content': 'Dangos cynnwys',
  'embed.always': 'Caniatáu {service} bob amser',
  'embed.link.video': 'Gwylio ‘{title}’ ar {service}',
  'embed.link.posts': 'Darllen ‘{title}’ ar {service}',
  'embed.link.poll': 'Agor ‘{title}’ ar {service}',
  'embed.link.content': 'Gweld ‘{title}’ ar {service}',

  'list.and': 'a',

  'cookies.name': 'Enw',
  'cookies.purpose': 'Diben',
  'cookies.expires': 'Dod i ben',

  'category.essential.title': 'Cwcis hanfodol',
  'category.essential.description':
    "Mae cwcis hanfodol yn gwneud i'r wefan hon weithio, er enghraifft drwy gofio eich gosodiadau cwcis. Nid oes modd i chi eu diffodd.",
  'category.analytics.title': "Cwcis sy'n mesur defnydd o'r wefan",
  'category.analytics.description':
    "Mae cwcis dadansoddol yn casglu gwybodaeth am sut rydych chi'n defnyddio'r wefan hon, fel pa dudalennau rydych chi'n ymweld â nhw, er mwyn i ni allu ei gwella.",
  'category.analytics.question': 'Ydych chi eisiau derbyn cwcis dadansoddol?',
  'category.analytics.purpose': "cwcis dadansoddol i ddeall sut rydych chi'n defnyddio'r wefan",
  'category.embeds.title': 'Cwcis o fideos a negeseuon cyfryngau cymdeithasol',
  'category.embeds.description':
    "Mae fideos, negeseuon a chynnwys arall gan sefydliadau fel YouTube, Facebook ac X yn gosod eu cwcis eu hunain pan fyddan nhw'n ymddangos yn ein tudalennau.",
  'category.embeds.question': 'Ydych chi eisiau derbyn cwcis o fideos a negeseuon cyfryngau cymdeithasol?',
  'category.embeds.purpose': "cwcis sy'n gadael i ni ddangos fideos a negeseuon o wefannau eraill",
  'category.functional.title': "Cwcis sy'n cofio eich gosodiadau",
  'category.functional.description':
    "Mae'r cwcis hyn yn cofio dewisiadau rydych chi'n eu gwneud, fel eich iaith, fel nad oes rhaid i chi eu gwneud eto.",
  'category.functional.question': "Ydych chi eisiau derbyn cwcis sy'n cofio eich gosodiadau?",
  'category.functional.purpose': "cwcis sy'n cofio eich gosodiadau",
  'category.marketing.title': 'Cwcis marchnata',
  'category.marketing.description':
    "Mae cwcis marchnata yn ein helpu ni a sefydliadau eraill i ddangos hysbysebion i chi a mesur pa mor dda maen nhw'n gweithio.",
  'category.marketing.question': 'Ydych chi eisiau derbyn cwcis marchnata?',
  'category.marketing.purpose': "cwcis marchnata i ddangos hysbysebion a mesur pa mor dda maen nhw'n gweithio",
  'category.other.purpose': 'cwcis ar gyfer {title}',
};
