import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createApiClient } from './client';

const STORAGE_KEY = 'ecava.session';

interface SessionState {
  token: string | null;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Holds the session token (in localStorage, so a reload keeps the person signed in) and the API client for it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  const signIn = useCallback((next: string) => {
    localStorage.setItem(STORAGE_KEY, next);
    setToken(next);
  }, []);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  const api = useMemo(() => createApiClient(token), [token]);
  useEffect(() => api.dispose, [api]);
  const value = useMemo(() => ({ token, signIn, signOut }), [token, signIn, signOut]);
  return (
    <SessionContext.Provider value={value}>
      <Provider value={api.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
