// Every English string, both parts (src/i18n/en-GB-banner.ts and en-GB-more.ts), for the tests.
import { enBanner } from '../../src/i18n/en-GB-banner.js';
import { enMore } from '../../src/i18n/en-GB-more.js';
import type { StringTable } from '../../src/i18n/en-GB.js';

export const enGB: StringTable = { ...enBanner, ...enMore };
