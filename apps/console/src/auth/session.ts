import type { LoginResponse, UserView } from '#contracts';

// The token lives in sessionStorage: it survives a reload but not closing the tab, and is never shared
// between tabs (a shared workstation must not hand one person's session to the next).

export interface Session {
  accessToken: string;
  user: UserView;
  /** When the access token expires (epoch ms, this browser's clock). */
  expiresAt: number;
}

const KEY = 'console.session';

/** The token's own `exp`, for sessions stored before `expiresAt` was kept; 0 when unreadable (refresh soon). */
function expiryFromToken(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string' || !parsed.user) return null;
    const expiresAt = typeof parsed.expiresAt === 'number' ? parsed.expiresAt : expiryFromToken(parsed.accessToken);
    return { accessToken: parsed.accessToken, user: parsed.user, expiresAt };
  } catch {
    return null;
  }
}

export function saveSession(response: LoginResponse, now: number = Date.now()): Session {
  const session: Session = {
    accessToken: response.accessToken,
    user: response.user,
    expiresAt: now + response.expiresIn * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
