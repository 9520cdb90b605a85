/**
 * SRI hashes of the bundles the script-tag gate loads from beside itself. Empty here (no check,
 * as in tests); `npm run build` replaces this module in `consent-gate.min.js` and in
 * `consent-gate-core.min.js` with the hashes of the bundles it has just built (see rollup.config.js).
 */
export const CORE_INTEGRITY: string = '';
export const DEBUG_INTEGRITY: string = '';
export const ERRORS_INTEGRITY: string = '';
