import {
  alertKindOfTimeline,
  handoffStatusOfTimeline,
  isAlertTimelineType,
  isHandoffTimelineType,
  type TimelineType,
} from '#contracts';
import type { Messages } from '../../i18n/en';

/**
 * What a timeline entry's machine type (`dispatch.accepted`, `alert.panic`, …) says in the operator's language.
 * Alert and handoff entries are worded from their kind and status, so a new kind or status needs no entry here.
 */
export function timelineText(type: TimelineType, t: Messages): string {
  if (isAlertTimelineType(type)) return t.detail.timelineAlert(t.alertKind[alertKindOfTimeline(type)]);
  if (isHandoffTimelineType(type)) return t.detail.timelineHandoff(t.handoffStatus[handoffStatusOfTimeline(type)]);
  // A cached console may meet a newer server's type: show the type rather than nothing.
  return t.detail.timelineType[type] ?? type;
}
