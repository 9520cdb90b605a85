/**
 * Global Privacy Control (https://privacycg.github.io/gpc-spec/): a browser setting by which the
 * visitor asks every site not to sell or share their data. consent-gate treats it as a refusal of
 * every non-essential category and an objection to statistical-exception categories, until the
 * visitor explicitly chooses otherwise (COMPLIANCE R33).
 */

/** True when the browser sends the Global Privacy Control signal. */
export function globalPrivacyControl(): boolean {
  try {
    return (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
  } catch {
    return false;
  }
}
