/** "1:05:09" / "4:09" for a duration; the sign is the caller's business. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const days = Math.floor(h / 24);
  if (days >= 2) return `${days}d ${h % 24}h`;
  return h > 0 ? `${h}:${mm}:${String(s).padStart(2, '0')}` : `${mm}:${String(s).padStart(2, '0')}`;
}

// Every clock on screen is 24-hour in both languages (a 24-hour centre): an explicit h23 cycle, since `hour12: false`
// gives "24시 5분" after midnight in Korean and the Korean default is "오후 05:48".
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

function format(iso: string | number | Date | null | undefined, lang: string, options: Intl.DateTimeFormatOptions) {
  if (iso === null || iso === undefined || iso === '') return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : d.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', options);
}

/** "17:48:05" */
export function formatTime(iso: string | null | undefined, lang: string): string {
  return format(iso, lang, { ...CLOCK, second: '2-digit' });
}

/** "30 Nov, 17:48" / "11월 30일 17:48" */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  return format(iso, lang, { month: 'short', day: 'numeric', ...CLOCK });
}

/** Date and time to the second ("30/11/2026, 17:48:05", "2026. 11. 30. 17:48:05"). */
export function formatFullDateTime(iso: string | number | Date | null | undefined, lang: string): string {
  return format(iso, lang, { year: 'numeric', month: '2-digit', day: '2-digit', ...CLOCK, second: '2-digit' });
}

/** A random id for Idempotency-Key headers. */
export function newIdempotencyKey(): string {
  // randomUUID exists only in secure contexts; the console may be served over plain http on a LAN.
  if (window.isSecureContext && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
