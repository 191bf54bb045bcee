import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ConsoleConfig } from '#contracts';
import { useAuth } from '../auth/auth';

/** Used until GET /config answers, and when it cannot: the console must work without it. */
export const DEFAULT_CONFIG: ConsoleConfig = {
  tileUrl: null,
  tileAttribution: null,
  idleLogoffMinutes: 15,
  offerSeconds: 60,
  checkinMinutes: 30,
  mapCenter: { lat: 37.5665, lng: 126.978 },
  mapZoom: 11,
  geocoding: false,
};

const ConfigContext = createContext<ConsoleConfig>(DEFAULT_CONFIG);

export function ConfigProvider({ children }: { children: ReactNode }) {
  const { api } = useAuth();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  useEffect(() => {
    let live = true;
    // The map's centre is read once at mount, so screens wait for this answer (or its failure).
    api.config().then(
      (c) => live && setConfig({ ...DEFAULT_CONFIG, ...c }),
      () => live && setConfig(DEFAULT_CONFIG),
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (!config) return null;
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): ConsoleConfig {
  return useContext(ConfigContext);
}
