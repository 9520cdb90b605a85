/**
 * `consent-gate table <file> [--format md|html] [--lang en|cy]`: the cookie table of a static
 * privacy notice, rendered from the same content model as the `<consent-table>` element
 * (`cookieTable` in src/catalogue/table.ts).
 */
import {
  cookieTable,
  setByParts,
  type CookieTable,
  type CookieTableRow,
  type TableLocale,
} from '../src/catalogue/table.js';
import '../src/i18n/add-cy.js';
import { localise } from '../src/i18n/strings.js';
import { UsageError } from './browser.js';
import { problemLines, readCatalogueFile } from './catalogue-file.js';

export function tableLocale(lang: string | undefined): TableLocale {
  if (lang === undefined || /^en(-gb)?$/i.test(lang)) return 'en-GB';
  if (/^cy(-gb)?$/i.test(lang)) return 'cy';
  throw new UsageError(`--lang ${lang}: the table is available in en (English) and cy (Welsh)`);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Who sets the cookie, with the provider linked to its privacy notice when there is one. */
function setBy(
  row: CookieTableRow,
  link: (text: string, url: string) => string,
  plain: (s: string) => string,
) {
  const { before, provider, after } = setByParts(row);
  return plain(before) + (provider ? link(provider, row.privacyUrl!) + plain(after) : '');
}

export function renderMarkdown(table: CookieTable): string {
  const s = table.strings;
  const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/([\\|*_[\]<>`])/g, '\\$1');
  const code = (name: string) => (name.includes('`') ? '`` ' + name + ' ``' : '`' + name + '`');
  const link = (text: string, url: string) =>
    `[${cell(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
  const blocks = table.sections.map((section) => {
    const lines = [`### ${cell(section.caption)}`, ''];
    if (section.description) lines.push(cell(section.description), '');
    if (!section.rows.length) lines.push(cell(s['table.empty']));
    else {
      lines.push(
        `| ${[s['table.name'], s['table.purpose'], s['table.expires'], s['table.setBy']].map(cell).join(' | ')} |`,
        '| --- | --- | --- | --- |',
        ...section.rows.map(
          (r) =>
            `| ${code(r.name)} | ${cell(r.purpose)} | ${cell(r.expires)} | ${setBy(r, link, cell)} |`,
        ),
      );
    }
    return lines.join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

/**
 * HTML for a CMS's source view: one captioned table per category, each in a labelled, focusable
 * scroll region so a wide table can be scrolled with the keyboard at 320 px (WCAG 1.4.10, 2.1.1).
 */
export function renderHtml(table: CookieTable): string {
  const s = table.strings;
  const e = escapeHtml;
  const link = (text: string, url: string) => `<a href="${e(url)}">${e(text)}</a>`;
  const blocks = table.sections.map((section) => {
    const id = `cookies-${section.category}`;
    const head = [s['table.name'], s['table.purpose'], s['table.expires'], s['table.setBy']]
      .map((h) => `<th scope="col">${e(h)}</th>`)
      .join('');
    const body = section.rows.length
      ? section.rows.map(
          (r) =>
            `      <tr><td><code>${e(r.name)}</code></td><td>${e(r.purpose)}</td><td>${e(r.expires)}</td><td>${setBy(r, link, e)}</td></tr>`,
        )
      : [`      <tr><td colspan="4">${e(s['table.empty'])}</td></tr>`];
    return [
      ...(section.description ? [`<p>${e(section.description)}</p>`] : []),
      `<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0" lang="${table.locale}">`,
      `  <table class="cookie-table">`,
      `    <caption id="${id}">${e(section.caption)}</caption>`,
      `    <thead>`,
      `      <tr>${head}</tr>`,
      `    </thead>`,
      `    <tbody>`,
      ...body,
      `    </tbody>`,
      `  </table>`,
      `</div>`,
    ].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

export function tableCommand(
  file: string,
  options: { format?: string; lang?: string; json?: boolean; npm?: boolean },
  print: (s: string) => void,
  printError: (s: string) => void,
): number {
  const format = options.json ? 'json' : (options.format ?? 'md');
  if (!['md', 'markdown', 'html', 'json'].includes(format))
    throw new UsageError(`--format ${format}: expected md or html (or json for the content model)`);
  const locale = tableLocale(options.lang);
  const { result } = readCatalogueFile(file);
  if (!result.ok) {
    printError(
      `${file}: the catalogue is not valid, so there is no table to make\n${problemLines(result.problems)}`,
    );
    return 1;
  }
  // The same texts as the <consent-table> element: the presets' own words in Welsh too. The
  // script tag is what most sites paste in: its localStorage copy of the choice is listed unless
  // --npm says the site runs the package instead.
  const table = cookieTable(result.catalogue, locale, localise, { scriptTag: !options.npm });
  print(
    format == 'html'
      ? renderHtml(table).trimEnd()
      : format == 'json'
        ? JSON.stringify(table, null, 2)
        : renderMarkdown(table).trimEnd(),
  );
  return 0;
}
