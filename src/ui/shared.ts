/**
 * What `consent-gate-core.min.js` hands to the UI bundles it loads (Welsh, the other elements), so
 * that they use its Lit and its modules instead of carrying copies: module name → exports. Empty
 * here (npm and tests have nothing to hand over); `npm run build` replaces this module, in
 * consent-gate-core.min.js, with exactly the exports those bundles import (see rollup.config.js).
 */
export const SHARED: Record<string, Record<string, unknown>> = {};

/** The key on `globalThis` under which the siblings find `SHARED`. */
export const SHARED_KEY = Symbol.for('consent-gate.ui');
