import { css, rawCSS } from '../document-styles.js';

/**
 * The box of an embed. Its size is set by the gate before this loads (`src/gate/embed-space.ts`);
 * here the placeholder fills it (growing it only if its text needs more room, e.g. at 200% text),
 * and what loads lies over the placeholder, which stays under it, hidden: the box never changes
 * size. The placeholder's buttons and links come from the banner's stylesheet, which treats it as
 * one of its roots; it keeps the page's font.
 */
const scope = rawCSS(':is(consent-embed,#\\#)');

export const embedStyles = css`
  ${scope} {
    display: flex;
    flex-direction: column;
    position: relative;
    box-sizing: border-box;
  }
  ${scope} > .cg-placeholder {
    display: flex;
    flex: 1 0 auto;
    flex-direction: column;
    justify-content: center;
    position: relative;
    box-sizing: border-box;
    margin: 0;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    text-align: start;
    overflow-wrap: break-word;
  }
  /* Over a poster, the text sits in a band at the bottom, on its own background. */
  ${scope} > .cg-placeholder[data-poster] {
    flex: 0 0 auto;
    margin-top: auto;
  }
  ${scope} > .cg-placeholder[data-covered] {
    visibility: hidden;
  }
  ${scope} > .cg-poster {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  ${scope} .cg-embed-title {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  ${scope} .cg-placeholder .cg-text:last-child {
    margin-bottom: 0;
  }
  /* Compact, so the placeholder fits the box the gate reserved, even on a phone: the two buttons
     share a row while they fit (not the banner's stacked layout), and the text is tighter. */
  ${scope} .cg-placeholder .cg-actions {
    flex-direction: row;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0 0 0.75em;
  }
  ${scope} .cg-placeholder .cg-text {
    margin-bottom: 0.75em;
  }
  ${scope} > .cg-content {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    box-sizing: border-box;
    margin: 0;
    border: 0;
    overflow: auto;
  }
  ${scope} > div.cg-content:focus-visible {
    outline: 3px solid var(--consent-focus, #ffdd00);
    outline-offset: 2px;
  }
`;
