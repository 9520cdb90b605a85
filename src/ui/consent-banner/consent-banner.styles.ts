import { css } from 'lit';

/**
 * The banner renders in the light DOM (so privacy tools that answer banners can find its text
 * and Reject button), so its rules are scoped under `consent-banner` and reset what a host page's
 * element and universal selectors could change. Adopted into the document once.
 */
export const bannerStyles = css`
  consent-banner {
    display: block;
    --_bg: var(--consent-background, #f3f2f1);
    --_text: var(--consent-text, #0b0c0c);
    --_border: var(--consent-border, #b1b4b6);
    --_button-bg: var(--consent-button-background, #00703c);
    --_button-text: var(--consent-button-text, #ffffff);
    --_focus: var(--consent-focus, #ffdd00);
    --_link: var(--consent-link, #1d70b8);
  }
  consent-banner[hidden] {
    display: none;
  }
  consent-banner .cg-banner {
    all: revert;
    box-sizing: border-box;
    position: fixed;
    inset: auto 0 0 0;
    z-index: 2147483000;
    max-height: 70vh;
    overflow: auto;
    background: var(--_bg);
    color: var(--_text);
    border-top: 2px solid var(--_border);
    padding: 20px 15px;
    font: 400 1rem/1.5 var(--consent-font, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    text-align: start;
  }
  consent-banner[placement='top'] .cg-banner {
    position: static;
    max-height: none;
  }
  consent-banner .cg-banner * {
    all: revert;
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  consent-banner .cg-inner {
    display: block;
    max-width: 960px;
    margin: 0 auto;
  }
  consent-banner .cg-banner .cg-heading {
    margin: 0 0 10px;
    font-size: 1.25rem;
    font-weight: 700;
    line-height: 1.3;
  }
  consent-banner .cg-banner .cg-text {
    margin: 0 0 15px;
    max-width: 70ch;
  }
  consent-banner .cg-banner .cg-message:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  consent-banner .cg-banner .cg-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 15px;
    margin: 0;
  }
  consent-banner .cg-banner .cg-button {
    display: inline-block;
    min-height: 44px;
    min-width: 24px;
    margin: 0;
    padding: 8px 12px;
    border: 2px solid transparent;
    border-radius: 0;
    background: var(--_button-bg);
    color: var(--_button-text);
    box-shadow: 0 2px 0 #002d18;
    font-weight: 400;
    line-height: 1.25;
    text-align: center;
    cursor: pointer;
  }
  consent-banner .cg-banner .cg-button:hover {
    filter: brightness(0.9);
  }
  consent-banner .cg-banner .cg-button:focus-visible,
  consent-banner .cg-banner .cg-link:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: #0b0c0c;
    box-shadow: 0 -2px var(--_focus), 0 4px #0b0c0c;
    text-decoration: none;
  }
  consent-banner .cg-banner .cg-link {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  @media (prefers-color-scheme: dark) {
    consent-banner {
      --_bg: var(--consent-background, #1d1e1f);
      --_text: var(--consent-text, #f3f2f1);
      --_border: var(--consent-border, #6f777b);
      --_link: var(--consent-link, #8fc5ff);
    }
  }
  @media (forced-colors: active) {
    consent-banner .cg-banner {
      border: 2px solid CanvasText;
    }
    consent-banner .cg-banner .cg-button {
      border-color: ButtonText;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    consent-banner .cg-banner * {
      transition: none;
      animation: none;
    }
  }
`;
