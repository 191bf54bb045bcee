import type { Category } from '#contracts';

// reference: issue 3 §6. A call triaged B–D that ends without a team going out still carries real risk, so
// the community mental health centre of the person's district calls back within a day. A and E–G do not:
// A always gets an emergency response, E–G are low risk, a referral or information.

export const FOLLOW_UP_CATEGORIES: readonly Category[] = ['B', 'C', 'D'];
export const FOLLOW_UP_HOURS = 24;

/** Dispatch statuses after which no team went: the offer was refused, timed out or pulled back. */
export const NO_TEAM_DISPATCH_STATUSES = ['declined', 'expired', 'withdrawn'] as const;

export function needsFollowUp(category: Category | null, dispatched: boolean): boolean {
  return category !== null && FOLLOW_UP_CATEGORIES.includes(category) && !dispatched;
}

// After an incident closes, the most urgent categories (A–C) are followed up by the community centre within a day
// whatever the field outcome: the days after a crisis are when continuity matters most.
export const CLOSE_FOLLOW_UP_CATEGORIES: readonly Category[] = ['A', 'B', 'C'];

export function needsFollowUpAfterClose(category: Category): boolean {
  return CLOSE_FOLLOW_UP_CATEGORIES.includes(category);
}

export function followUpDueAt(endedAt: Date): Date {
  return new Date(endedAt.getTime() + FOLLOW_UP_HOURS * 3600_000);
}
