/**
 * Welsh for the texts the built-in presets supply in English: service titles
 * (`src/catalogue/preset-services.ts`), descriptions and cookie purposes (`preset-texts.ts`). Keyed by the English text itself, so a site that writes
 * its own wording (in any language) never has it replaced; only the presets' own words are
 * translated. `test/ui/strings.test.ts` checks that every preset text has an entry here.
 * Names of companies and products (Google Analytics, YouTube, Meta, X, Slido) stay as they are.
 */
export const cyPresetTexts: Record<string, string> = {
  // google-analytics
  'Counts visits and shows us which pages are used, so we can improve the site.':
    "Yn cyfrif ymweliadau ac yn dangos i ni pa dudalennau sy'n cael eu defnyddio, er mwyn i ni allu gwella'r wefan.",
  'Checks if you’ve visited the site before. This helps us count how many people visit.':
    "Yn gwirio a ydych chi wedi ymweld â'r wefan o'r blaen. Mae hyn yn ein helpu i gyfrif faint o bobl sy'n ymweld.",
  'Keeps track of your visit, so we can count visits and pages viewed.':
    "Yn cadw cofnod o'ch ymweliad, er mwyn i ni allu cyfrif ymweliadau a'r tudalennau sy'n cael eu gweld.",
  'Checks if you’ve visited the site today. This helps us count how many people visit.':
    "Yn gwirio a ydych chi wedi ymweld â'r wefan heddiw. Mae hyn yn ein helpu i gyfrif faint o bobl sy'n ymweld.",
  'Limits how often data is sent to Google Analytics.':
    "Yn cyfyngu ar ba mor aml mae data'n cael ei anfon i Google Analytics.",
  'Counts how many people visit the site and when you first and last visited.':
    "Yn cyfrif faint o bobl sy'n ymweld â'r wefan, a phryd y gwnaethoch chi ymweld gyntaf a ddiwethaf.",
  'Records when your visit starts, to work out how long you stay.':
    "Yn cofnodi pryd mae eich ymweliad yn dechrau, i gyfrifo pa mor hir rydych chi'n aros.",
  'Records when your visit ends, to work out how long you stay.':
    "Yn cofnodi pryd mae eich ymweliad yn dod i ben, i gyfrifo pa mor hir rydych chi'n aros.",
  'Records how you reached the site, such as a search engine or a link.':
    "Yn cofnodi sut y daethoch chi i'r wefan, er enghraifft drwy beiriant chwilio neu ddolen.",
  'Records groups of visitors the site has chosen to report on.':
    "Yn cofnodi grwpiau o ymwelwyr y mae'r wefan wedi dewis adrodd arnyn nhw.",
  'Records which version of a page you saw when we test changes.':
    "Yn cofnodi pa fersiwn o dudalen a welsoch chi pan fyddwn ni'n profi newidiadau.",
  'Records when a test of page changes you saw comes to an end.':
    'Yn cofnodi pryd mae prawf o newidiadau i dudalen a welsoch chi yn dod i ben.',
  // youtube
  'Plays videos embedded in our pages. YouTube sets its own cookies when a video loads.':
    "Yn chwarae fideos sydd wedi'u mewnosod yn ein tudalennau. Mae YouTube yn gosod ei gwcis ei hun pan fydd fideo'n llwytho.",
  'Remembers your YouTube settings and checks your connection speed, so videos play smoothly.':
    "Yn cofio eich gosodiadau YouTube ac yn gwirio cyflymder eich cysylltiad, er mwyn i fideos chwarae'n llyfn.",
  'Checks that requests during your visit come from you, and counts video views.':
    "Yn gwirio mai chi sy'n gwneud y ceisiadau yn ystod eich ymweliad, ac yn cyfrif sawl gwaith mae fideos yn cael eu gwylio.",
  'Remembers your cookie choices for YouTube.': 'Yn cofio eich dewisiadau cwcis ar gyfer YouTube.',
  'Remembers player settings such as autoplay and video size.':
    "Yn cofio gosodiadau'r chwaraewr, fel chwarae'n awtomatig a maint y fideo.",
  'Remembers your YouTube settings and helps YouTube find and fix problems.':
    "Yn cofio eich gosodiadau YouTube ac yn helpu YouTube i ddod o hyd i broblemau a'u trwsio.",
  // facebook
  'Shows our Facebook page in our pages. Meta sets its own cookies when the feed loads.':
    'Yn dangos ein tudalen Facebook yn ein tudalennau. Mae Meta yn gosod ei gwcis ei hun pan fydd y ffrwd yn llwytho.',
  'Tells your browser apart so Meta can measure and show adverts.':
    'Yn adnabod eich porwr er mwyn i Meta allu mesur a dangos hysbysebion.',
  'Used by Meta to show adverts and measure how well they work.':
    "Yn cael ei ddefnyddio gan Meta i ddangos hysbysebion a mesur pa mor dda maen nhw'n gweithio.",
  'Identifies your browser to keep Facebook secure and stop fraud.':
    'Yn adnabod eich porwr i gadw Facebook yn ddiogel ac atal twyll.',
  'Identifies your browser for Facebook log-in and security.':
    'Yn adnabod eich porwr ar gyfer mewngofnodi i Facebook a diogelwch.',
  // twitter
  'Shows our posts on X in our pages. X sets its own cookies when the timeline loads.':
    'Yn dangos ein negeseuon ar X yn ein tudalennau. Mae X yn gosod ei gwcis ei hun pan fydd y llinell amser yn llwytho.',
  'Identifies you to X as a visitor who is not logged in.':
    "Yn eich adnabod i X fel ymwelydd sydd heb fewngofnodi.",
  'Records your activity on and off X to personalise content and adverts.':
    'Yn cofnodi eich gweithgarwch ar X a thu hwnt i bersonoli cynnwys a hysbysebion.',
  'Used by X to show adverts and measure how well they work.':
    "Yn cael ei ddefnyddio gan X i ddangos hysbysebion a mesur pa mor dda maen nhw'n gweithio.",
  'Identifies visitors who are not logged in, for X adverts.':
    'Yn adnabod ymwelwyr sydd heb fewngofnodi, ar gyfer hysbysebion X.',
  'Identifies visitors who are not logged in, for X marketing.':
    'Yn adnabod ymwelwyr sydd heb fewngofnodi, ar gyfer marchnata X.',
  // slido
  'Runs polls and questions in our training sessions. By default Slido sets only the cookies it needs to work.':
    "Yn cynnal polau a chwestiynau yn ein sesiynau hyfforddi. Yn ddiofyn, dim ond y cwcis sydd eu hangen arno i weithio y mae Slido yn eu gosod.",
  'Keeps you joined to the poll, so your votes and questions count once.':
    "Yn eich cadw'n rhan o'r pôl, fel bod eich pleidleisiau a'ch cwestiynau'n cyfrif unwaith.",
  'Sends your answers to the same Slido server, so the poll keeps working.':
    "Yn anfon eich atebion i'r un gweinydd Slido, fel bod y pôl yn parhau i weithio.",
  'Does the same as AWSALB for requests from embedded polls.':
    "Yn gwneud yr un peth ag AWSALB ar gyfer ceisiadau gan bolau sydd wedi'u mewnosod.",
  // site-search
  'Site search statistics': "Ystadegau chwilio'r wefan",
  'Counts what people search for on this site, so we can improve it.':
    "Yn cyfrif beth mae pobl yn chwilio amdano ar y wefan hon, er mwyn i ni allu ei gwella.",
  'Counts how often words are searched for and which searches find nothing.':
    "Yn cyfrif pa mor aml mae pobl yn chwilio am eiriau, a pha chwiliadau sydd ddim yn dod o hyd i ddim.",
};

const UNITS: Record<string, string> = {
  minute: 'munud',
  hour: 'awr',
  day: 'diwrnod',
  week: 'wythnos',
  month: 'mis',
};

/** "2 years" → "2 flynedd": blwyddyn mutates after numbers (1 flwyddyn, 2 flynedd, 5 mlynedd…). */
function years(n: number): string {
  if (n === 1) return 'flwyddyn';
  if (n === 2) return 'flynedd';
  return [5, 7, 8, 9, 10, 12, 15, 18, 20, 50, 100].includes(n) ? 'mlynedd' : 'blynedd';
}

const DURATION = /^(\d+) (minute|hour|day|week|month|year)s?$/;

/**
 * An expiry as the presets and most notices write it (`2 years`, `30 minutes`, `session`, a range
 * such as `6 months to 2 years`) in Welsh; anything else is returned unchanged.
 */
export function cyExpiry(text: string): string {
  if (/^session$/i.test(text)) return 'sesiwn';
  const parts = text.split(/\s*[–-]\s*|\s+to\s+/);
  const welsh = parts.map((part) => {
    const m = DURATION.exec(part.trim());
    return m && `${m[1]} ${m[2] === 'year' ? years(Number(m[1])) : UNITS[m[2]]}`;
  });
  return welsh.every(Boolean) && parts.length <= 2 ? welsh.join(' i ') : text;
}
