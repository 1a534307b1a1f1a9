/**
 * The caller's bearer token. Never part of the bundle: in development the hub hands out a
 * short-lived dashboard token at /dashboard/token; otherwise the person signs in with a token
 * from their identity provider. Kept in sessionStorage, so it ends with the tab.
 */
const storageKey = 'crg.dashboard.token';

interface StoredToken {
  token: string;
  /** Epoch milliseconds after which the token is not offered again, when known. */
  expiresAt?: number;
  /** Whether it came from the development endpoint, which can simply be asked again. */
  development: boolean;
}

function read(): StoredToken | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as StoredToken | null;
    if (!stored || (stored.expiresAt && stored.expiresAt < Date.now())) return null;
    return stored;
  } catch {
    return null;
  }
}

export function signIn(token: string): void {
  sessionStorage.setItem(storageKey, JSON.stringify({ token: token.trim().replace(/^Bearer\s+/i, ''), development: false }));
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
}

/** Asks the hub for a development token; null when it offers none (production, or a configured issuer). */
async function developmentToken(): Promise<StoredToken | null> {
  try {
    const response = await fetch('/dashboard/token', { headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { token: string; expiresInSeconds: number };
    // Renewed a minute early so a request never leaves with a token about to run out.
    return { token: body.token, expiresAt: Date.now() + (body.expiresInSeconds - 60) * 1000, development: true };
  } catch {
    return null;
  }
}

/** The token to send, or null when the person must sign in. */
export async function currentToken(): Promise<string | null> {
  const stored = read();
  if (stored) return stored.token;
  const fresh = await developmentToken();
  if (!fresh) return null;
  sessionStorage.setItem(storageKey, JSON.stringify(fresh));
  return fresh.token;
}
