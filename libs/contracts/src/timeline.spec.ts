import {
  alertKindOfTimeline,
  handoffStatusOfTimeline,
  isAlertTimelineType,
  isHandoffTimelineType,
  NAMED_TIMELINE_TYPES,
} from './timeline.js';

describe('timeline types', () => {
  it('are unique, and none of the named ones is an alert or handoff status entry', () => {
    expect(new Set(NAMED_TIMELINE_TYPES).size).toBe(NAMED_TIMELINE_TYPES.length);
    for (const type of NAMED_TIMELINE_TYPES) {
      expect(type).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(isAlertTimelineType(type)).toBe(false);
      expect(isHandoffTimelineType(type)).toBe(false);
    }
  });

  it('recognises alert entries by their kind and handoff entries by their status', () => {
    expect(isAlertTimelineType('alert.panic')).toBe(true);
    expect(isAlertTimelineType('alert.unknown-kind')).toBe(false);
    expect(isHandoffTimelineType('handoff.accepted')).toBe(true);
    expect(isHandoffTimelineType('handoff.contact-confirmed')).toBe(false);
    expect(alertKindOfTimeline('alert.offer-expired')).toBe('offer-expired');
    expect(handoffStatusOfTimeline('handoff.withdrawn')).toBe('withdrawn');
  });
});
