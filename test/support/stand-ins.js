// Answers a routed third-party request with the demo's stand-in for that service (the same files
// the demo serves), in Playwright's route.fulfill() shape. Unknown hosts get an empty 204: the
// request is still recorded by the caller, which is what the tests assert on.
import { standInResponse } from '../../demo/stand-ins/routes.js';

export async function standInFor(url, request = {}) {
  const response = standInResponse(url, request);
  if (!response) return { status: 204, body: '' };
  const headers = {};
  for (const [name, value] of Object.entries(response.headers)) {
    // Playwright takes several Set-Cookie values joined by newlines.
    headers[name] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return { status: response.status, headers, body: response.body };
}
