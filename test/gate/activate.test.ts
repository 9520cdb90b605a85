import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ScriptActivator, GATED_SCRIPT } from '../../src/gate/activate.js';

declare global {
  interface Window {
    __ran?: string[];
  }
}

const script = (mark: string, delay: number) => `/__script?mark=${mark}&delay=${delay}&t=${Math.random()}`;

function activateAll(root: Element): void {
  const activator = new ScriptActivator();
  root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPT).forEach((s) => activator.activate(s));
}

describe('script activation', () => {
  beforeEach(() => {
    window.__ran = [];
  });

  it('runs mixed slow, fast and inline scripts in document order', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics" src=${script('slow', 400)}></script>
      <script type="text/plain" data-consent="analytics">window.__ran.push('inline-1')</script>
      <script type="text/plain" data-consent="analytics" src=${script('fast', 0)}></script>
      <script type="text/plain" data-consent="analytics">window.__ran.push('inline-2')</script>
      <script type="text/plain" data-consent="analytics" src=${script('medium', 150)}></script>
    </div>`);
    expect(window.__ran).to.deep.equal([]);
    activateAll(root);
    await waitUntil(() => window.__ran!.length === 5, 'all five scripts ran', { timeout: 4000 });
    expect(window.__ran).to.deep.equal(['slow', 'inline-1', 'fast', 'inline-2', 'medium']);
  });

  it('keeps order for a script activated later, while an earlier one is still loading', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics" src=${script('slow', 300)}></script>
      <script type="text/plain" data-consent="analytics">window.__ran.push('inline')</script>
      <script type="text/plain" data-consent="analytics" src=${script('slow-2', 500)}></script>
    </div>`);
    const activator = new ScriptActivator();
    root.querySelectorAll<HTMLScriptElement>(GATED_SCRIPT).forEach((s) => activator.activate(s));
    await waitUntil(() => window.__ran!.includes('inline'), 'inline ran', { timeout: 4000 });
    // A CMS widget adds another gated script while slow-2 is still on its way.
    const late = document.createElement('script');
    late.type = 'text/plain';
    late.dataset.consent = 'analytics';
    late.text = "window.__ran.push('late')";
    root.append(late);
    activator.activate(late);
    await waitUntil(() => window.__ran!.length === 4, 'all ran', { timeout: 4000 });
    expect(window.__ran).to.deep.equal(['slow', 'inline', 'slow-2', 'late']);
  });

  it('fetches the waiting scripts in parallel rather than one after another', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics" src=${script('a', 600)}></script>
      <script type="text/plain" data-consent="analytics">window.__ran.push('inline')</script>
      <script type="text/plain" data-consent="analytics" src=${script('b', 600)}></script>
      <script type="text/plain" data-consent="analytics" src=${script('c', 600)}></script>
    </div>`);
    const started = performance.now();
    activateAll(root);
    await waitUntil(() => window.__ran!.length === 4, 'all ran', { timeout: 4000 });
    // Serial fetching would take ≥ 1800 ms; parallel about 600 ms plus overhead.
    expect(performance.now() - started).to.be.below(1500);
    expect(window.__ran).to.deep.equal(['a', 'inline', 'b', 'c']);
  });

  it('lets async scripts run as soon as they arrive', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics" src=${script('ordered-slow', 400)}></script>
      <script type="text/plain" data-consent="analytics" async src=${script('async-fast', 0)}></script>
    </div>`);
    activateAll(root);
    await waitUntil(() => window.__ran!.length === 2, 'both ran', { timeout: 4000 });
    expect(window.__ran).to.deep.equal(['async-fast', 'ordered-slow']);
  });

  it('copies every attribute and the nonce, and drops the gating type', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-consent="analytics" nonce="n0nce" id="tag" class="x" data-foo="bar"
        referrerpolicy="no-referrer">window.__ran.push('attrs')</script>
    </div>`);
    activateAll(root);
    const live = root.querySelector<HTMLScriptElement>('#tag')!;
    expect(window.__ran).to.deep.equal(['attrs']);
    expect(live.hasAttribute('type')).to.equal(false);
    expect(live.nonce).to.equal('n0nce');
    expect(live.className).to.equal('x');
    expect(live.dataset.foo).to.equal('bar');
    expect(live.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(live.dataset.consent).to.equal('analytics');
  });

  it('turns data-type="module" into a module script', async () => {
    const root = await fixture(html`<div>
      <script type="text/plain" data-type="module" data-consent="analytics" id="mod">
        window.__ran.push(typeof import.meta.url);
      </script>
    </div>`);
    activateAll(root);
    await waitUntil(() => window.__ran!.length === 1, 'module ran');
    expect(window.__ran).to.deep.equal(['string']);
    expect(root.querySelector('#mod')!.getAttribute('type')).to.equal('module');
  });
});
