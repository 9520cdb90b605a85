/** Defines every consent-gate element. The script-tag UI bundle is built from this module. */
import './consent-banner/define.js';
import './consent-embed/define.js';
import './consent-preferences/define.js';
import './consent-table/define.js';
