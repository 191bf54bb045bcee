import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LoginResponse, UserView } from '#contracts';
import { createApi, type Api } from '../api/endpoints';
import { API_PREFIX, ApiError, createHttp } from '../api/http';
import { watchActivity } from './activity';
import { clearSession, loadSession, saveSession, type Session } from './session';
import { keepsSessionAlive } from './idle-policy';
import { TokenRefreshScheduler } from './token-refresh';
import { useLatest } from '../common/use-latest';

export type LogoutReason = 'user' | 'idle' | 'expired';

interface Auth {
  user: UserView | null;
  /** The current access token; it changes about every 13 minutes while the operator works (see token-refresh.ts). */
  token: string | null;
  api: Api;
  login: (username: string, password: string) => Promise<void>;
  logout: (reason?: LogoutReason) => void;
  /** Why the last session ended, for the login screen. */
  lastLogout: LogoutReason | null;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [lastLogout, setLastLogout] = useState<LogoutReason | null>(null);
  const tokenRef = useRef<string | null>(session?.accessToken ?? null);

  const logout = useCallback((reason: LogoutReason = 'user') => {
    const token = tokenRef.current;
    // Ends the session on the server too (POST /auth/logout), so the token cannot be replayed from this device.
    // An expired session is already over there; a failure here changes nothing for the person logging out.
    if (token && reason !== 'expired') {
      void fetch(`${API_PREFIX}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
    }
    tokenRef.current = null;
    clearSession();
    setSession(null);
    setLastLogout(reason);
  }, []);

  const api = useMemo(
    // eslint-disable-next-line react-hooks/refs -- createHttp keeps getToken and calls it per request, never during render
    () => createApi(createHttp({ getToken: () => tokenRef.current, onUnauthorized: () => logout('expired') })),
    [logout],
  );

  // Renew the token while the operator works. Keyed by the signed-in user, not the token: the scheduler restarts
  // itself after each renewal, and a new login starts a new one.
  const sessionRef = useLatest(session);
  const userId = session?.user.id ?? null;
  useEffect(() => {
    if (!userId) return;
    const scheduler = new TokenRefreshScheduler<LoginResponse>({
      refresh: () => api.refresh(),
      onRefreshed: (response) => {
        tokenRef.current = response.accessToken;
        setSession(saveSession(response));
      },
      // A 401 has already logged out (http onUnauthorized); retrying cannot help then.
      isFatal: (error) => error instanceof ApiError && (error.status === 401 || error.status === 403),
      keepAlive: sessionRef.current ? keepsSessionAlive(sessionRef.current.user.role) : false,
    });
    scheduler.start(sessionRef.current?.expiresAt ?? Date.now());
    const stopWatching = watchActivity(() => scheduler.activity(Date.now()));
    return () => {
      stopWatching();
      scheduler.stop();
    };
  }, [userId, api, sessionRef]);

  const login = useCallback(
    async (username: string, password: string) => {
      const response = await api.login({ username, password });
      tokenRef.current = response.accessToken;
      setSession(saveSession(response));
      setLastLogout(null);
    },
    [api],
  );

  const value = useMemo<Auth>(
    () => ({ user: session?.user ?? null, token: session?.accessToken ?? null, api, login, logout, lastLogout }),
    [session, api, login, logout, lastLogout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For screens rendered only when signed in. */
export function useUser(): UserView {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}
