// An npm site defines the elements on import and may place them in its HTML before it calls
// startConsentGate(): they must come alive when the gate starts, not stay empty.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/ui/define-all.js';
import { startConsentGate } from '../../src/start.js';

describe('elements placed before the gate starts', () => {
  it('show the banner question and the cookie table once startConsentGate runs', async () => {
    document.cookie = 'cookie_preferences=; max-age=0; path=/';
    const root = await fixture(html`<div>
      <consent-banner></consent-banner>
      <consent-table></consent-table>
    </div>`);
    const banner = root.querySelector('consent-banner')!;
    expect(banner.querySelectorAll('button').length).to.equal(0);

    startConsentGate({
      site: 'Late Start School',
      revision: 1,
      categories: { essential: { required: true }, analytics: { services: ['google-analytics'] } },
      services: { 'google-analytics': { preset: 'google-analytics' } },
    });

    await waitUntil(() => banner.querySelector('button'), 'the banner asks');
    const names = [...banner.querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(names).to.include('Reject additional cookies');
    await waitUntil(() => root.querySelector('consent-table table'), 'the table renders');
    expect(root.querySelector('consent-table')!.textContent).to.include('_ga');
  });
});
