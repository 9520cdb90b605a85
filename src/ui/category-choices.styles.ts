import { css, unsafeCSS } from 'lit';
import { scope as bannerScope } from './consent-banner/consent-banner.styles.js';

const scope = unsafeCSS(bannerScope.cssText);

/**
 * The second layer's rules: the preferences dialog and the questions it shares with the cookies
 * page (categories, Yes/No radios, the services-and-cookies disclosure and its table). Adopted
 * into the document, over the banner's stylesheet (`consent-banner.styles.ts`: the roots, the bar,
 * buttons, links and the colour schemes, under the same `scope`), by whoever first draws them: the
 * banner when its dialog first opens, `<consent-preferences>` when it connects. In the script tag
 * they come with the questions (`consent-gate-ui-elements.min.js`), so a first visit that never
 * opens the dialog neither downloads nor parses them.
 */
export const choicesStyles = css`
  /* The preferences dialog. */
  ${scope} .cg-dialog {
    width: 40em;
    max-width: calc(100% - 1em);
    max-height: calc(100% - 1em);
    margin: auto;
    padding: 0;
    overflow: auto;
    overscroll-behavior: contain;
    border: 2px solid var(--_border);
    background: var(--_dialog-bg);
  }
  ${scope} .cg-dialog::backdrop {
    background: var(--consent-backdrop, rgb(11 12 12 / 0.6));
  }
  ${scope} .cg-form {
    display: block;
    margin: 0;
    padding: 1.25em;
  }
  ${scope} .cg-dialog-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 1em;
  }
  ${scope} .cg-dialog-header .cg-button {
    min-height: 2.75em;
    flex: none;
  }
  ${scope} .cg-heading:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  ${scope} .cg-category {
    display: block;
    margin: 0 0 1.5em;
    padding: 0 0 1em;
    border-bottom: 1px solid var(--_border);
  }
  ${scope} .cg-subheading {
    display: block;
    margin: 0 0 0.5em;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  ${scope} .cg-always-on {
    display: block;
    margin: 0 0 1em;
    font-weight: 700;
  }
  ${scope} .cg-fieldset {
    display: block;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  ${scope} .cg-legend {
    display: block;
    max-width: 100%;
    margin: 0 0 0.5em;
    padding: 0;
    font-weight: 700;
  }
  ${scope} .cg-radios {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 2em;
  }
  ${scope} .cg-radio {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    cursor: pointer;
  }
  ${scope} .cg-radio input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--_button-bg);
    cursor: pointer;
  }
  ${scope} .cg-radio input:focus-visible {
    outline: 3px solid var(--_focus-text);
    outline-offset: 2px;
    box-shadow: 0 0 0 7px var(--_focus);
  }
  ${scope} .cg-details {
    display: block;
    margin: 0 0 1em;
  }
  ${scope} .cg-summary {
    display: list-item;
    padding: 0.25em 0;
  }
  ${scope} .cg-service {
    display: block;
    margin: 1em 0 0;
    padding: 0 0 0 1em;
    border-left: 4px solid var(--_border);
  }
  ${scope} .cg-service-title {
    display: block;
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  ${scope} .cg-service p {
    display: block;
    margin: 0 0 0.5em;
  }
  ${scope} .cg-table {
    display: table;
    width: 100%;
    table-layout: fixed;
    margin: 0 0 0.5em;
    border-collapse: collapse;
  }
  ${scope} .cg-table th,
  ${scope} .cg-table td {
    padding: 0.5em 0.75em 0.5em 0;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  ${scope} .cg-table th {
    font-weight: 700;
  }
  ${scope} .cg-table :is(th, td):first-child {
    width: 36%;
  }
  ${scope} .cg-table :is(th, td):last-child {
    width: 22%;
    padding-right: 0;
  }
  ${scope} .cg-dialog .cg-actions {
    margin-top: 1.5em;
  }

  /* Windows high contrast and other forced colours: keep every boundary visible. */
  @media (forced-colors: active) {
    ${scope} .cg-dialog {
      border: 2px solid CanvasText;
    }
    ${scope} .cg-radio input {
      accent-color: auto;
    }
  }
`;
