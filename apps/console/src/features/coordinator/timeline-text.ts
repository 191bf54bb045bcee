import { ALERT_KINDS, HANDOFF_STATUSES, type AlertKind, type HandoffStatus } from '#contracts';
import type { Messages } from '../../i18n/en';

/**
 * What a timeline entry's machine type (`dispatch.accepted`, `alert.panic`, …) says in the operator's language.
 * A type this console does not know yet is shown as it is rather than hidden.
 */
export function timelineText(type: string, t: Messages): string {
  const known = t.detail.timelineType[type];
  if (known) return known;
  const [head, rest] = [type.slice(0, type.indexOf('.')), type.slice(type.indexOf('.') + 1)];
  if (head === 'alert' && (ALERT_KINDS as readonly string[]).includes(rest))
    return t.detail.timelineAlert(t.alertKind[rest as AlertKind]);
  if (head === 'handoff' && (HANDOFF_STATUSES as readonly string[]).includes(rest))
    return t.detail.timelineHandoff(t.handoffStatus[rest as HandoffStatus]);
  return type;
}
