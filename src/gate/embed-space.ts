/**
 * Reserves the space of every `<consent-embed>` from the moment the browser parses it, long before
 * the UI bundle draws its placeholder in it: the placeholder, and later the video or feed, fill a
 * box whose size is already set, so nothing below moves (no layout shift). Videos and other
 * content: 16:9 of the width; feeds (Facebook, X) and polls (Slido): at least 500 px tall. A site
 * changes either with `--consent-embed-ratio` / `--consent-embed-height` in its own CSS. On a
 * narrow phone a placeholder's text can need more than 16:9: `--consent-embed-min-height` reserves
 * that too (at the cost of bars around the video). A constructed stylesheet, so it works under a
 * strict CSP; no Lit, so the gate can carry it.
 */
import type { Catalogue } from '../catalogue/types.js';

/** Presets whose embed is a feed or a poll: a height rather than a ratio. */
const TALL = ['facebook', 'twitter', 'slido'];

let sheet: CSSStyleSheet | undefined;

/**
 * Called once as the script tag runs, before a catalogue fetched from a URL has arrived (services
 * named like their preset are sized right away), and again with the catalogue, which says exactly
 * which services are feeds or polls.
 */
export function reserveEmbedSpace(catalogue?: Catalogue): void {
  const tall = catalogue
    ? Object.values(catalogue.services).filter((s) => TALL.includes(s.preset ?? s.name)).map((s) => s.name)
    : TALL;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(
    'consent-embed{display:flex;flex-direction:column;position:relative;box-sizing:border-box;aspect-ratio:var(--consent-embed-ratio,16/9);min-height:var(--consent-embed-min-height,0)}' +
      (tall.length ? `${tall.map((name) => `consent-embed[service="${name}"]`).join()}{aspect-ratio:auto;min-height:var(--consent-embed-height,500px)}` : ''),
  );
}
