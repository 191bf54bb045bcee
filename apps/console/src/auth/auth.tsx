import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UserView } from '#contracts';
import { createApi, type Api } from '../api/endpoints';
import { createHttp } from '../api/http';
import { clearSession, loadSession, saveSession, type Session } from './session';

export type LogoutReason = 'user' | 'idle' | 'expired';

interface Auth {
  user: UserView | null;
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
    tokenRef.current = null;
    clearSession();
    setSession(null);
    setLastLogout(reason);
  }, []);

  const api = useMemo(
    () => createApi(createHttp({ getToken: () => tokenRef.current, onUnauthorized: () => logout('expired') })),
    [logout],
  );

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
