/**
 * SRI hashes of the bundles the script tag's UI loads from beside itself. Empty here (no check, as
 * in tests); `npm run build` replaces this module, in consent-gate-core.min.js, with the hashes of
 * the bundles it has just built (see rollup.config.js).
 */
export const CY_INTEGRITY: string = '';
export const ELEMENTS_INTEGRITY: string = '';
export const EMBED_INTEGRITY: string = '';
