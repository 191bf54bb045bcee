// Small helpers of the continuity-of-care screens. Times are shown on the 24-hour clock in both languages: a
// 24-hour centre reads "23:40", never "오후 11:40".

export function formatWhen(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** A textarea's lines as list items (blank lines dropped) and back. */
export const toLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
export const fromLines = (items: readonly string[] | undefined): string => (items ?? []).join('\n');

/** The six Stanley–Brown steps that are lists, in order; step 6 (means safety) is free text. */
export const LIST_STEPS = [
  'warningSigns',
  'copingStrategies',
  'socialContacts',
  'helpContacts',
  'professionalContacts',
] as const;

/** A datetime-local input's value for now, in the browser's time zone. */
export function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO time with offset (what the API asks for). */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}
