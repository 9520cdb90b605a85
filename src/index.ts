/**
 * The npm entry: everything in `consent-gate/core`, plus the UI elements, defined on import.
 *
 *   import { consent, startConsentGate } from 'consent-gate';
 *   import catalogue from './cookies.json';
 *   startConsentGate(catalogue);
 */
import './ui/define-all.js';
export * from './core.js';
export { ConsentBanner } from './ui/consent-banner/consent-banner.js';
export { ConsentEmbed, EmbedLoadEvent } from './ui/consent-embed/consent-embed.js';
export { ConsentPreferences } from './ui/consent-preferences/consent-preferences.js';
export { ConsentTable } from './ui/consent-table/consent-table.js';
