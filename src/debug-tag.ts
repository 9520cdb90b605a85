/**
 * The script-tag debug bundle (`consent-gate-debug.min.js`): fetched by the gate only with
 * `?consent-debug` in the page's URL or `data-debug` on the script tag. It hands the debug aid
 * to the gate under a shared key, because an IIFE cannot export.
 */
import { DEBUG_KEY } from './bundle-keys.js';
import * as debug from './gate/debug.js';

(globalThis as Record<symbol, typeof debug>)[Symbol.for(DEBUG_KEY)] = debug;
