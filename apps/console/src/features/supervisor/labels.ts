import type { Messages } from '../../i18n/en';

/** The operator's name of an indicator (a dotted path of GET /kpis). */
export function indicatorLabel(t: Messages, key: string): string {
  const fixed = t.dashboard.indicators[key];
  if (fixed) return fixed;
  const [head, tail] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
  if (head === 'response.onSceneMinutesP50ByCategory') return t.dashboard.onSceneCategory(tail);
  if (head === 'incidents.byCategory') return t.dashboard.incidentsCategory(tail);
  if (head === 'handoffs.declineReasons') return t.dashboard.declineReason(tail);
  return key;
}
