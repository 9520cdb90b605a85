/** The package version; `test/node/size.test.js` checks it against package.json. */
export const VERSION = '0.1.0';
