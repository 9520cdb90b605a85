/**
 * The keys under which the script-tag bundles the gate loads hand it their module (an IIFE cannot
 * export): `Symbol.for(key)` on `globalThis`. The other keys there, each distinct from these:
 * 'consent-gate.controller' (the running state), 'consent-gate.ui' and 'consent-gate.core-shared'
 * (modules handed to the bundles a bundle loads: src/ui/shared.ts, src/core-shared.ts).
 */
export const CORE_KEY = 'consent-gate.core';
export const DEBUG_KEY = 'consent-gate.debug';
export const FULL_KEY = 'consent-gate.full';

/** What a bundle loaded beside this one handed over under `key`. */
export const handedOver = <T>(key: string): T => (globalThis as Record<symbol, T>)[Symbol.for(key)];
