/** Defines every consent-gate element, for npm (the script-tag UI comes in parts: see script-tag.ts). */
import './consent-banner/define.js';
import './consent-embed/define.js';
import './consent-preferences/define.js';
import './consent-table/define.js';
