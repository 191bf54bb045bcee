import { useEffect, useState } from 'react';
import type { EmergencyAdmissionView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useLoad, type Loaded } from '../../common/use-load';
import { useStore } from '../../realtime/realtime';

/**
 * Emergency admissions matching `filter`, read again whenever an `admission.*` event concerns them, so the clocks,
 * the guardian-notice task and an end show on every open screen without a reload.
 */
export function useAdmissions(filter: { incidentId?: string; active?: boolean }): Loaded<EmergencyAdmissionView[]> {
  const { api } = useAuth();
  const store = useStore();
  const [nonce, setNonce] = useState(0);
  useEffect(
    () =>
      store.onEnvelope((e) => {
        if (e.type !== 'admission.created' && e.type !== 'admission.updated') return;
        if (filter.incidentId && e.data.incidentId !== filter.incidentId) return;
        setNonce((n) => n + 1);
      }),
    [store, filter.incidentId],
  );
  return useLoad(
    (signal) => api.emergencyAdmissions(filter, signal),
    `${filter.incidentId ?? '*'}:${String(filter.active)}:${nonce}`,
  );
}

/** "30 Nov 14:05": day and 24-hour time, in Korean or English; in `timeZone` when given (the centre's). */
export function formatStamp(iso: string | null | undefined, lang: string, timeZone?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
}
