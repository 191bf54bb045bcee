import type { ClientMatch, ClientView } from '#contracts';
import type { Tx } from '../database/tx.js';

export interface ClientRow {
  id: string;
  display_name: string;
  phone_numbers: string[];
  phone_digits: string[];
  region_id: string | null;
  case_manager: string | null;
  safety_plan: string | null;
  risk_flags: string[];
  guardian_contact: string | null;
  preferred_hospital_id: string | null;
  birth_year: number | null;
}

export function toClientView(r: ClientRow): ClientView {
  return {
    id: r.id,
    displayName: r.display_name,
    phoneNumbers: r.phone_numbers,
    regionId: r.region_id,
    caseManager: r.case_manager,
    safetyPlan: r.safety_plan,
    riskFlags: r.risk_flags,
    guardianContact: r.guardian_contact,
    preferredHospitalId: r.preferred_hospital_id,
    birthYear: r.birth_year,
  };
}

/** More than a handful of clients on one number is a shared line (a group home): show the first few. */
const MAX_MATCHES = 5;

/** Registered clients with this normalised number; only the minimal fields a counselor needs to recognise them. */
export async function matchClients(tx: Tx, digits: string | null): Promise<ClientMatch[]> {
  if (!digits) return [];
  const rows = await tx.query<Pick<ClientRow, 'id' | 'display_name' | 'region_id' | 'risk_flags'>>(
    // @> on the array uses the GIN index on phone_digits.
    `SELECT id, display_name, region_id, risk_flags FROM client WHERE phone_digits @> ARRAY[$1::text] ORDER BY display_name, id LIMIT ${MAX_MATCHES}`,
    [digits],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, regionId: r.region_id, riskFlags: r.risk_flags }));
}

export async function loadClient(tx: Tx, id: string): Promise<ClientRow | undefined> {
  return tx.one<ClientRow>(`SELECT * FROM client WHERE id = $1`, [id]);
}

/**
 * PIPA access log for names shown as caller matches: one row per client whose identity the caller saw,
 * except the call's own linked client, whose read is already logged with the call as subject.
 */
export async function auditMatchesShown(tx: Tx, callId: string, matches: ClientMatch[], alreadyLogged: string | null): Promise<void> {
  for (const m of matches) {
    if (m.id === alreadyLogged) continue;
    await tx.audit({ action: 'client.match-shown', entityType: 'call', entityId: callId, subjectId: m.id });
  }
}
