import { css, rawCSS } from '../document-styles.js';

/**
 * The banner and its preferences dialog render in the light DOM (so privacy tools that answer
 * banners can find their text and Reject button), so these rules are adopted into the document and
 * must survive whatever the host page's stylesheet does:
 *
 * - every selector starts with `:is(consent-banner, #\#)`, which matches only `<consent-banner>`
 *   (and the other light-DOM roots below) but weighs as much as an id, so host rules such as
 *   `button`, `body p`, `.content h2` or `[type=button]:hover` lose to ours;
 * - every element inside first has `all: revert` (back to the browser's own styles), then ours;
 * - the two roots (the bar and the dialog) set every inherited property the page could have
 *   changed on `<body>`, and size text from `medium` (the visitor's default font size, so browser
 *   text-size settings still apply) rather than `rem` (sites set `html { font-size: 62.5% }`).
 *
 * The base of every element's styles, adopted once: the roots, the bar, buttons, links, colour
 * schemes. The second layer's rules (the dialog and its questions) are apart, in
 * `../category-choices.styles.ts`, adopted over these when first drawn: a first visit's banner
 * parses only what it shows. The cookies page's `<consent-preferences>` asks the same questions
 * (`../category-choices.ts`) and an embed's placeholder has the same buttons and links, so they
 * are roots here too: they sit in the page's text, so they keep its font and (for
 * the cookies page, which has no background of its own) its colours, light or dark.
 */
export const scope = rawCSS(':is(consent-banner,consent-preferences,consent-embed>.cg-placeholder,#\\#)');
/** The roots with a background of their own, which follow the visitor's colour scheme. */
const themed = rawCSS(':is(consent-banner,consent-embed>.cg-placeholder,#\\#)');

export const bannerStyles = css`
  ${scope} {
    all: revert;
    display: block;
    --_bg: var(--consent-background, #f3f2f1);
    --_dialog-bg: var(--consent-dialog-background, #ffffff);
    --_text: var(--consent-text, #0b0c0c);
    --_border: var(--consent-border, #505a5f);
    --_button-bg: var(--consent-button-background, #00703c);
    --_button-text: var(--consent-button-text, #ffffff);
    --_button-shadow: var(--consent-button-shadow, #002d18);
    --_secondary-bg: var(--consent-secondary-background, #ffffff);
    --_secondary-text: var(--consent-secondary-text, #0b0c0c);
    --_link: var(--consent-link, #1d70b8);
    --_focus: var(--consent-focus, #ffdd00);
    --_focus-text: var(--consent-focus-text, #0b0c0c);
    --_scheme: light;
  }
  ${scope}[hidden] {
    display: none;
  }
  ${scope} *,
  ${scope} *::before,
  ${scope} *::after {
    all: revert;
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  ${scope} .cg-banner,
  ${scope} .cg-dialog {
    color-scheme: var(--_scheme);
    font: 400 var(--consent-font-size, medium) / 1.5
      var(--consent-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    color: var(--_text);
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: break-word;
    hyphens: manual;
    visibility: visible;
    cursor: auto;
  }

  /* The bar: fixed at the bottom (no layout shift), or in the page flow with placement="top". */
  ${scope} .cg-banner {
    display: block;
    position: fixed;
    inset: auto 0 0 0;
    z-index: var(--consent-z-index, 2147483000);
    max-height: 70vh;
    overflow: auto;
    margin: 0;
    padding: 1.25em 1em;
    background: var(--_bg);
    border-top: 2px solid var(--_border);
  }
  /* Out of sight (but still taking its place: no layout change) while the dialog is open, so the
     visitor meets one set of choices at a time. */
  ${scope} .cg-banner[data-behind-dialog] {
    visibility: hidden;
  }
  ${scope}[placement='top'] .cg-banner {
    position: static;
    max-height: none;
    border-top: 0;
    border-bottom: 2px solid var(--_border);
  }
  ${scope} .cg-inner {
    display: block;
    max-width: var(--consent-max-width, 60em);
    margin: 0 auto;
  }
  ${scope} .cg-heading {
    display: block;
    margin: 0 0 0.5em;
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.25;
  }
  ${scope} .cg-text {
    display: block;
    margin: 0 0 1em;
    max-width: 45em;
  }
  ${scope} .cg-message {
    display: block;
  }
  ${scope} .cg-message:focus,
  ${scope} .cg-notice:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  ${scope} .cg-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1em;
    margin: 0;
  }
  /* Accept and Reject: one grid, so they are always the same width and on the same row or stack. */
  ${scope} .cg-pair {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 1em;
  }
  @media (max-width: 40em) {
    ${scope} .cg-actions {
      flex-direction: column;
      align-items: stretch;
    }
    ${scope} .cg-pair {
      grid-auto-flow: row;
    }
  }

  ${scope} .cg-button {
    display: inline-block;
    min-width: 24px;
    min-height: 2.75em;
    margin: 0;
    padding: 0.5em 0.75em;
    border: 2px solid transparent;
    border-radius: 0;
    background: var(--_button-bg);
    color: var(--_button-text);
    box-shadow: 0 2px 0 var(--_button-shadow);
    font-weight: 400;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
    appearance: none;
  }
  ${scope} .cg-secondary {
    background: var(--_secondary-bg);
    color: var(--_secondary-text);
    border-color: var(--_secondary-text);
    box-shadow: none;
  }
  ${scope} .cg-button:hover {
    filter: brightness(0.9);
  }
  ${scope} .cg-button:active {
    transform: translateY(2px);
    box-shadow: none;
  }
  ${scope} .cg-button:focus-visible {
    outline: 3px solid transparent;
    border-color: var(--_focus);
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: inset 0 0 0 1px var(--_focus), 0 2px 0 var(--_focus-text);
    filter: none;
  }
  ${scope} .cg-link,
  ${scope} .cg-summary {
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  ${scope} .cg-link:hover,
  ${scope} .cg-summary:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }
  /* Links are whole boxes at least one line (24 px) tall: targets of at least 24×24. */
  ${scope} .cg-link {
    display: inline-block;
  }
  ${scope} .cg-actions .cg-link {
    padding: 0.25em 0;
  }
  ${scope} .cg-link:focus-visible,
  ${scope} .cg-summary:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }

  @media (prefers-color-scheme: dark) {
    ${themed} {
      --_bg: var(--consent-background, #1d1e1f);
      --_dialog-bg: var(--consent-dialog-background, #1d1e1f);
      --_text: var(--consent-text, #f3f2f1);
      --_border: var(--consent-border, #b1b4b6);
      --_button-bg: var(--consent-button-background, #5fd08a);
      --_button-text: var(--consent-button-text, #0b0c0c);
      --_button-shadow: var(--consent-button-shadow, #0b0c0c);
      --_secondary-bg: var(--consent-secondary-background, #0b0c0c);
      --_secondary-text: var(--consent-secondary-text, #f3f2f1);
      --_link: var(--consent-link, #8fc5ff);
      --_scheme: dark;
    }
  }
  /* Windows high contrast and other forced colours: keep every boundary visible. */
  @media (forced-colors: active) {
    ${scope} .cg-banner {
      border: 2px solid CanvasText;
    }
    ${scope} .cg-button {
      border-color: ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    ${scope} *,
    ${scope} *::backdrop {
      transition: none;
      animation: none;
    }
    ${scope} .cg-button:active {
      transform: none;
    }
  }
`;
