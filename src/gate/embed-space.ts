/**
 * Reserves the space of every `<consent-embed>` from the moment the browser parses it, long before
 * the UI draws its placeholder in it: the placeholder, and later the video or feed, fill a
 * box whose size is already set, so nothing below moves (no layout shift). Videos and other
 * content: 16:9 of the width; feeds (Facebook, X) and polls (Slido): at least 500 px tall. A site
 * changes either with `--consent-embed-ratio` / `--consent-embed-height` in its own CSS. On a
 * narrow phone a placeholder's text can need more than 16:9: `--consent-embed-min-height` reserves
 * that too (at the cost of bars around the video). A constructed stylesheet, so it works under a
 * strict CSP; no Lit, so the gate can carry it.
 */
import type { Catalogue } from '../catalogue/types.js';

const SIZE = 'box-sizing:border-box;aspect-ratio:var(--consent-embed-ratio,16/9);min-height:var(--consent-embed-min-height,0)}';
/** The box the placeholder is drawn in. */
const BOX = `consent-embed{display:flex;flex-direction:column;position:relative;${SIZE}`;
const TALL_BOX = '{aspect-ratio:auto;min-height:var(--consent-embed-height,500px)}';
/** Presets whose embed is a feed or a poll: a height rather than a ratio. */
const TALL = ['facebook', 'twitter', 'slido'];

const sheetOf = (css: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
};

/**
 * The space every embed gets before the catalogue is known (services named like their preset are
 * sized right away): what the script tag's first file reserves as it runs, even before a
 * catalogue fetched from a URL has arrived.
 */
export function reserveDefaultEmbedSpace(): void {
  // Only the size: the core puts the catalogue's sheet (with the placeholder's box) in its place
  // before the UI draws.
  const css = `consent-embed{display:block;${SIZE}consent-embed:is([service=facebook],[service=twitter],[service=slido])${TALL_BOX}`;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheetOf(css)];
}

/**
 * The space of the catalogue's embeds (it says exactly which services are feeds or polls), in
 * place of any embed-space sheet adopted before (the script tag's first file adopts the default
 * one from its own copy of this module).
 */
export function reserveEmbedSpace(catalogue: Catalogue): void {
  const tall = Object.values(catalogue.services)
    .filter((s) => TALL.includes(s.preset ?? s.name))
    .map((s) => `consent-embed[service="${s.name}"]`);
  const others = [...document.adoptedStyleSheets].filter((s) => (s.cssRules[0] as CSSStyleRule | undefined)?.selectorText != 'consent-embed');
  document.adoptedStyleSheets = [...others, sheetOf(BOX + (tall.length ? tall.join() + TALL_BOX : ''))];
}
