// Reads started before React renders (main.tsx), so that the first row does not wait for the
// scripts, the catalogue and the sign-in flow one after the other: "me" and the board the URL
// names go out as soon as a token is known. The client takes each answer once, and only if it was
// asked with the token it would have sent itself; anything else is dropped and asked again.

/** The headers every API call sends (the access log records the channel from X-Fact-Client). */
export function apiHeaders(token: string, withBody: boolean): Record<string, string> {
  return {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
    "X-Fact-Client": "tab",
    ...(withBody ? { "Content-Type": "application/json" } : {}),
  };
}

interface Early {
  token: string;
  response: Promise<Response>;
}

const started = new Map<string, Promise<Early>>();

/**
 * A token already known (a plain browser's session) sends the request now, within this task: sent
 * from a promise callback it would wait behind the rest of the page's first script, and the
 * surface's chunks, asked meanwhile, would take the six connections before it.
 */
export function startEarly(path: string, token: string | Promise<string>): void {
  if (started.has(path)) return;
  const send = (t: string): Early => ({ token: t, response: fetch(path, { headers: apiHeaders(t, false) }) });
  const early = typeof token === "string" ? Promise.resolve(send(token)) : token.then(send);
  // Unused or failed: the client asks again itself.
  early.then(
    (e) => e.response.catch(() => undefined),
    () => undefined,
  );
  started.set(path, early);
}

const startedPublic = new Map<string, Promise<Response>>();

/** A GET that needs no token, started early (the sign-in configuration a plain browser asks first). */
export function startEarlyPublic(path: string): void {
  if (startedPublic.has(path)) return;
  const response = fetch(path, { headers: { Accept: "application/json" } });
  response.catch(() => undefined);
  startedPublic.set(path, response);
}

/** The early answer to an unauthenticated GET `path` (once); undefined if none was started. */
export function takeEarlyPublic(path: string): Promise<Response> | undefined {
  const response = startedPublic.get(path);
  startedPublic.delete(path);
  return response;
}

/** The early answer to GET `path` if it was asked with `token` (once); undefined otherwise. */
export async function takeEarly(path: string, token: string): Promise<Response | undefined> {
  const early = started.get(path);
  if (!early) return undefined;
  started.delete(path);
  try {
    const e = await early;
    return e.token === token ? await e.response : undefined;
  } catch {
    return undefined;
  }
}
