import type { LoginResponse, UserView } from '#contracts';

// The token lives in sessionStorage: it survives a reload but not closing the tab, and is never shared
// between tabs (a shared workstation must not hand one person's session to the next).

export interface Session {
  accessToken: string;
  user: UserView;
}

const KEY = 'console.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.accessToken === 'string' && parsed.user ? { accessToken: parsed.accessToken, user: parsed.user } : null;
  } catch {
    return null;
  }
}

export function saveSession(response: LoginResponse): Session {
  const session = { accessToken: response.accessToken, user: response.user };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
