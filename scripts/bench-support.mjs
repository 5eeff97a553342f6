// What the bench's parts share: percentiles, Debian's Chromium as the browser tests launch it, and
// a small JSON call to the API with a bearer token.

/** The p-th percentile of an ascending array. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Headless Debian Chromium (no browser download), `CHROMIUM_PATH` to use another: the tests' launcher. */
export { launchChromium } from "./chromium.cjs";

/** A JSON API call with `token`; anything but 2xx throws with the error code. */
export async function call(baseUrl, token, method, url, body) {
  const res = await fetch(baseUrl + url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${json?.error?.code}`);
  return json;
}
