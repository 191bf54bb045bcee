import type { AgencyKind } from '#contracts';
import type { Actor } from '../common/actor.js';
import { forbidden } from '../common/errors.js';

// Who may see which client records. The hotline and the control room see every registered client; a community
// mental health centre sees and edits only the people registered with it; other partners see none (they get the
// caution on their handoff instead).

export type ClientScope = { kind: 'all' } | { kind: 'centre'; agencyId: string };

export function clientScope(actor: Actor, kindOfActorAgency: AgencyKind | null): ClientScope {
  if (actor.role !== 'agency') return { kind: 'all' };
  if (!actor.agencyId || kindOfActorAgency !== 'community')
    throw forbidden('Only community mental health centres keep client records');
  return { kind: 'centre', agencyId: actor.agencyId };
}

/** True when the scope covers a record registered with `agencyId`. */
export function inScope(scope: ClientScope, registeredWithAgencyId: string | null): boolean {
  return scope.kind === 'all' || registeredWithAgencyId === scope.agencyId;
}
