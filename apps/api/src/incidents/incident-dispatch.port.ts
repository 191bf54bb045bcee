import type { DispatchView } from '#contracts';
import type { Tx } from '../database/tx.js';
import type { IncidentRow } from './incidents.repository.js';

/**
 * What an incident needs from dispatch. Dispatch depends on incidents and never the reverse, so incidents names
 * what it needs here and the dispatch module provides it (DispatchForIncidents).
 */
export abstract class IncidentDispatchPort {
  /** The incident's dispatches, oldest first, for its detail view. */
  abstract history(tx: Tx, incidentId: string): Promise<DispatchView[]>;

  /**
   * Withdraws the incident's live dispatch as the incident ends, in the caller's transaction (lock order incident →
   * dispatch → team): an unanswered offer or a team on its way is released, a team further along is a 409 (it must
   * clear first). Returns the released team's id, or null when nothing was live.
   */
  abstract releaseLive(tx: Tx, incident: IncidentRow, reason: string): Promise<string | null>;
}
