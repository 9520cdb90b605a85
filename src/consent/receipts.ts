/**
 * Consent receipts: when the catalogue names `receipts.url` (a path on the site itself), every
 * decision made on this page is sent there with `navigator.sendBeacon`, as JSON:
 *
 *   { "id": "…", "timestamp": "…", "revision": 3, "method": "banner",
 *     "choices": { "categories": { "analytics": true }, "services": {} }, "path": "/our-school" }
 *
 * Nothing else: no IP address or user agent is added by us (the server sees what any request
 * carries), no query string (it may hold search words). Decisions read back from another tab are
 * not sent again: the tab that made them sent them. A failed send never blocks or loses the
 * choice: the record is stored before the receipt goes.
 */
import type { ConsentController } from './controller.js';
import type { ConsentRecord } from './record.js';

/** The body of a receipt for `record`, made on the page at `path`. */
export function receiptBody(record: ConsentRecord, path: string): string {
  return JSON.stringify({
    id: record.id,
    timestamp: record.timestamp,
    revision: record.revision,
    method: record.method,
    choices: { categories: record.categories, services: record.services },
    path,
  });
}

/** Starts sending receipts, if the catalogue asks for them; returns a function that stops. */
export function startReceipts(controller: ConsentController): () => void {
  const url = controller.catalogue?.receipts?.url;
  if (!url) return () => {};
  return controller.subscribe(({ record, remote }) => {
    if (!record || remote) return;
    const body = receiptBody(record, location.pathname);
    try {
      const blob = new Blob([body], { type: 'application/json' });
      if (navigator.sendBeacon?.(url, blob)) return;
      // The beacon queue is full or missing: a keepalive fetch outlives the page the same way.
      fetch(url, { method: 'POST', body: blob, keepalive: true, credentials: 'same-origin' }).catch(() => {});
    } catch {
      // Never let a receipt break the decision it records.
    }
  });
}
