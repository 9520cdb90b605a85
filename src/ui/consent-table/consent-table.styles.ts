import { css } from 'lit';

/**
 * The table is the page's own content, styled by the page (the same markup and class names as the
 * `consent-gate table --format html` output, so one stylesheet serves both). These rules only make
 * sure a wide table scrolls inside its focusable region instead of the page, and that the region
 * shows focus; `:where()` keeps them weaker than any rule of the page's.
 */
export const tableStyles = css`
  :where(consent-table) {
    display: block;
  }
  :where(consent-table .table-scroll) {
    max-width: 100%;
    overflow-x: auto;
  }
  :where(consent-table .table-scroll:focus-visible) {
    outline: 3px solid var(--consent-focus, #ffdd00);
    outline-offset: 2px;
  }
`;
