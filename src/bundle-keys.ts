/**
 * The keys under which the script-tag bundles the gate loads hand it their module (an IIFE cannot
 * export): `Symbol.for(key)` on `globalThis`.
 */
export const DEBUG_KEY = 'consent-gate.debug';
export const FULL_KEY = 'consent-gate.full';
