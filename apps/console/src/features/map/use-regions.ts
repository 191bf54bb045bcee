import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RegionCollection } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';

// Regions change only by an admin import, so one request per signed-in user is enough (not per renewed token).
let cache: { userId: string; promise: Promise<RegionCollection> } | null = null;
const reloaders = new Set<() => void>();

/** A region's name in the screen's language (the Korean name on Korean screens when the import gave one). */
export function regionLabel(properties: { name: string; nameKo: string | null }, lang: string): string {
  return lang === 'ko' ? (properties.nameKo ?? properties.name) : properties.name;
}

/** After an import: drop the cached regions, and have every mounted map and list read them again. */
export function forgetRegions(): void {
  cache = null;
  for (const reload of reloaders) reload();
}

export function useRegions(): { regions: RegionCollection | null; regionName: (id: string | null) => string } {
  const { api, user } = useAuth();
  const userId = user?.id ?? null;
  const { lang } = useI18n();
  const [regions, setRegions] = useState<RegionCollection | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const reload = () => setVersion((v) => v + 1);
    reloaders.add(reload);
    return () => void reloaders.delete(reload);
  }, []);
  useEffect(() => {
    if (!userId) return;
    if (!cache || cache.userId !== userId) cache = { userId, promise: api.regions() };
    let live = true;
    const mine = cache;
    mine.promise.then(
      (r) => live && setRegions(r),
      () => {
        if (cache === mine) cache = null;
      },
    );
    return () => {
      live = false;
    };
  }, [api, userId, version]);
  // Rows call this on every render: one map per regions and language, not a scan of the regions per call.
  const labels = useMemo(
    () => new Map((regions?.features ?? []).map((f) => [String(f.id), regionLabel(f.properties, lang)])),
    [regions, lang],
  );
  const regionName = useCallback((id: string | null) => (id ? (labels.get(id) ?? '') : ''), [labels]);
  return { regions, regionName };
}
