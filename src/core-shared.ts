/**
 * What `consent-gate-core.min.js` hands to `consent-gate-full.min.js`, so that the validator uses
 * the core's catalogue expansion and presets' cookie names instead of carrying copies: module
 * name → exports. Empty here (npm and tests have nothing to hand over); `npm run build` replaces
 * this module, in consent-gate-core.min.js, with exactly the exports the full bundle imports from
 * the modules listed in `coreSharing` (see rollup.config.js).
 */
export const SHARED: Record<string, Record<string, unknown>> = {};

/** The key on `globalThis` under which the full bundle finds `SHARED`. */
export const SHARED_KEY = Symbol.for('consent-gate.core-shared');
