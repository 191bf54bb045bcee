import type { HandoffStatus, HandoffView } from '#contracts';

// The order of the partner's list: what still needs an answer on top, then what is in its care, then the rest;
// newest first within each group.
const GROUP: Record<HandoffStatus, number> = {
  requested: 0,
  accepted: 1,
  completed: 2,
  declined: 2,
  withdrawn: 2,
  cancelled: 2,
};

export function sortForPartner<T extends Pick<HandoffView, 'id' | 'status' | 'requestedAt'>>(
  handoffs: readonly T[],
): T[] {
  return [...handoffs].sort(
    (a, b) =>
      GROUP[a.status] - GROUP[b.status] ||
      Date.parse(b.requestedAt) - Date.parse(a.requestedAt) ||
      a.id.localeCompare(b.id),
  );
}
