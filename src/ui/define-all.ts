/** Defines every consent-gate element. The script-tag UI bundle is built from this module. */
import './consent-banner/define.js';
