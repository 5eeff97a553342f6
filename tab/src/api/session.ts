// The development sign-in's token, kept per browser tab (sessionStorage): two windows can be two people.
const KEY = "factBoard.devToken";

export interface StoredToken {
  token: string;
  expiresAt: string;
}

export function readDevToken(now = Date.now()): StoredToken | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredToken;
    if (!stored.token || Date.parse(stored.expiresAt) <= now + 10_000) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

export function storeDevToken(token: StoredToken): void {
  sessionStorage.setItem(KEY, JSON.stringify(token));
}

export function clearDevToken(): void {
  sessionStorage.removeItem(KEY);
}
