/**
 * The keys under which the script-tag bundles the gate loads hand it their module (an IIFE cannot
 * export): `Symbol.for(key)` on `globalThis`.
 */
export const CORE_KEY = 'consent-gate.core';
export const DEBUG_KEY = 'consent-gate.debug';
export const FULL_KEY = 'consent-gate.full';

/** What a bundle loaded beside this one handed over under `key`. */
export const handedOver = <T>(key: string): T => (globalThis as Record<symbol, T>)[Symbol.for(key)];
