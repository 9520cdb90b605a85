/**
 * The names consent-gate keeps things under outside its modules. In `localStorage`: the script
 * tag's short-path memo (`src/gate/short-path.ts`). On `globalThis`, as `Symbol.for(key)`: the
 * modules of the script-tag bundles the gate loads, handed over (an IIFE cannot export). The other
 * keys there, each distinct from these: 'consent-gate.controller' (the running state) and
 * 'consent-gate.ui' (modules the core hands to the UI bundles it loads: src/ui/shared.ts).
 */
/** The short path's memo in `localStorage` (also known to `consent-gate audit` as consent-gate's own). */
export const SHORT_PATH_KEY = 'consent-gate';

export const CORE_KEY = 'consent-gate.core';
export const DEBUG_KEY = 'consent-gate.debug';
export const ERRORS_KEY = 'consent-gate.errors';

/** What a bundle loaded beside this one handed over under `key`. */
export const handedOver = <T>(key: string): T => (globalThis as Record<symbol, T>)[Symbol.for(key)];
