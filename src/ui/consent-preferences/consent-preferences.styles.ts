import { css, unsafeCSS } from 'lit';

/**
 * What the cookies page adds to the banner's stylesheet (which styles the questions themselves):
 * the form sits in the page's flow, and the notification after Save. Same scoping as the banner's:
 * a selector as strong as an id, so the page's own rules do not leak in.
 */
const scope = unsafeCSS(':is(consent-preferences,#\\#)');

export const preferencesStyles = css`
  ${scope} form.cg-form {
    padding: 0;
  }
  ${scope} .cg-form > .cg-actions {
    margin-top: 1.5em;
  }
  ${scope} div.cg-notification {
    display: block;
    max-width: 45em;
    margin: 0 0 2em;
    padding: 1em 1.25em 0;
    border: 5px solid var(--_button-bg);
  }
  ${scope} div.cg-notification:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  ${scope} .cg-notification .cg-text:first-child {
    font-weight: 700;
  }
`;
