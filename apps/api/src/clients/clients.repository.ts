import type {
  CallOutcome,
  ClientBasisKind,
  ClientCaution,
  ClientHistoryItem,
  ClientMatch,
  ClientSearchItem,
  ClientView,
  RepeatContact,
  SafetyPlan,
} from '#contracts';
import type { Tx } from '../database/tx.js';

export interface ClientRow {
  id: string;
  display_name: string;
  phone_numbers: string[];
  phone_digits: string[];
  region_id: string | null;
  case_manager: string | null;
  safety_plan: SafetyPlan | null;
  risk_flags: string[];
  guardian_contact: string | null;
  preferred_hospital_id: string | null;
  birth_year: number | null;
  registered_with_agency_id: string | null;
  basis_kind: ClientBasisKind | null;
  basis_scope: string | null;
  basis_note: string | null;
  basis_at: Date | null;
  basis_recorded_by: string | null;
  basis_recorded_by_name?: string | null;
  caution_weapon: boolean;
  caution_violence: boolean;
  caution_note: string | null;
  safety_plan_updated_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns a write may set; `null` clears, `undefined` leaves as is. */
export interface ClientWrite {
  display_name?: string;
  phone_numbers?: string[];
  phone_digits?: string[];
  birth_year?: number | null;
  registered_with_agency_id?: string | null;
  case_manager?: string | null;
  region_id?: string | null;
  risk_flags?: string[];
  guardian_contact?: string | null;
  preferred_hospital_id?: string | null;
  basis_kind?: ClientBasisKind;
  basis_scope?: string | null;
  basis_note?: string | null;
  basis_at?: string;
  basis_recorded_by?: string | null;
  caution_weapon?: boolean;
  caution_violence?: boolean;
  caution_note?: string | null;
  created_by?: string | null;
}

export function toCaution(r: Pick<ClientRow, 'caution_weapon' | 'caution_violence' | 'caution_note'>): ClientCaution {
  return { weapon: r.caution_weapon, violence: r.caution_violence, note: r.caution_note };
}

export function toClientView(r: ClientRow): ClientView {
  return {
    id: r.id,
    name: r.display_name,
    phones: r.phone_numbers,
    birthYear: r.birth_year,
    registeredWithAgencyId: r.registered_with_agency_id,
    caseManager: r.case_manager,
    basis:
      r.basis_kind && r.basis_at
        ? {
            kind: r.basis_kind,
            scope: r.basis_scope,
            note: r.basis_note,
            at: r.basis_at.toISOString(),
            recordedBy: { id: r.basis_recorded_by, name: r.basis_recorded_by_name ?? null },
          }
        : null,
    caution: toCaution(r),
    regionId: r.region_id,
    riskFlags: r.risk_flags,
    guardianContact: r.guardian_contact,
    preferredHospitalId: r.preferred_hospital_id,
    safetyPlan: r.safety_plan,
    safetyPlanUpdatedAt: r.safety_plan_updated_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function toSearchItem(r: ClientRow): ClientSearchItem {
  return {
    id: r.id,
    name: r.display_name,
    phone: r.phone_numbers[0] ?? null,
    phones: r.phone_numbers,
    birthYear: r.birth_year,
    registeredWithAgencyId: r.registered_with_agency_id,
    caution: toCaution(r),
  };
}

/** More than a handful of clients on one number is a shared line (a group home): show the first few. */
const MAX_MATCHES = 5;
const SEARCH_LIMIT = 50;

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

const CLIENT_SELECT = `SELECT c.*, u.display_name AS basis_recorded_by_name FROM client c LEFT JOIN app_user u ON u.id = c.basis_recorded_by`;

export async function loadClient(tx: Tx, id: string, forUpdate = false): Promise<ClientRow | undefined> {
  return tx.one<ClientRow>(`${CLIENT_SELECT} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id]);
}

/**
 * Search by name (substring, any case) or phone (neither: the first clients by name): `digits` is the query's normalised national form, matched
 * against every stored number (also as a fragment of at least 4 digits). `agencyId` limits it to one centre.
 */
export async function searchClients(
  tx: Tx,
  q: { text: string | null; digits: string | null; agencyId: string | null },
): Promise<ClientSearchItem[]> {
  const like = q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await tx.query<ClientRow>(
    `SELECT * FROM client c
     WHERE ($1::uuid IS NULL OR c.registered_with_agency_id = $1)
       AND (($2::text IS NULL AND $3::text IS NULL)
            OR c.display_name ILIKE $2
            OR c.phone_digits @> ARRAY[$3::text] OR EXISTS (SELECT 1 FROM unnest(c.phone_digits) d WHERE strpos(d, $3) > 0))
     ORDER BY c.display_name, c.id LIMIT ${SEARCH_LIMIT}`,
    [q.agencyId, like, q.digits],
  );
  return rows.map(toSearchItem);
}

export async function insertClient(tx: Tx, w: ClientWrite): Promise<string> {
  const cols = Object.keys(w).filter((k) => w[k as keyof ClientWrite] !== undefined);
  const row = (await tx.one<{ id: string }>(
    `INSERT INTO client (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}, $${cols.length + 1}, $${cols.length + 1}) RETURNING id`,
    [...cols.map((k) => w[k as keyof ClientWrite]), tx.now.toISOString()],
  ))!;
  return row.id;
}

export async function updateClient(tx: Tx, id: string, w: ClientWrite): Promise<void> {
  const cols = Object.keys(w).filter((k) => w[k as keyof ClientWrite] !== undefined);
  await tx.query(
    `UPDATE client SET ${[...cols.map((c, i) => `${c} = $${i + 2}`), `updated_at = $${cols.length + 2}`].join(', ')} WHERE id = $1`,
    [id, ...cols.map((k) => w[k as keyof ClientWrite]), tx.now.toISOString()],
  );
}

export async function saveSafetyPlan(tx: Tx, id: string, plan: SafetyPlan): Promise<void> {
  await tx.query(
    `UPDATE client SET safety_plan = $2::jsonb, safety_plan_updated_at = $3, safety_plan_updated_by = $4, updated_at = $3 WHERE id = $1`,
    [id, JSON.stringify(plan), tx.now.toISOString(), tx.actor.userId],
  );
}

/** The window of "repeat contact": earlier calls within 30 days (the 30-day edge itself counts). */
const REPEAT_WINDOW_DAYS = 30;
const WEEK_DAYS = 7;

/**
 * Earlier calls of the person this call matched (linked to one of the clients, or from the same number), in the
 * 30 days before `before`. Null when there are none.
 */
export async function repeatContactOf(
  tx: Tx,
  c: { callId: string; digits: string | null; clientIds: string[]; before: Date },
): Promise<RepeatContact | null> {
  if (c.clientIds.length === 0) return null;
  const row = await tx.one<{ n30: number; n7: number; last_at: Date | null; last_outcome: CallOutcome | null }>(
    `WITH earlier AS (
       SELECT received_at, outcome FROM call
       WHERE id <> $1 AND received_at < $4 AND received_at >= $4::timestamptz - make_interval(days => ${REPEAT_WINDOW_DAYS})
         AND (client_id = ANY($3::uuid[]) OR ($2::text IS NOT NULL AND caller_digits = $2)))
     SELECT count(*)::int AS n30,
            count(*) FILTER (WHERE received_at >= $4::timestamptz - make_interval(days => ${WEEK_DAYS}))::int AS n7,
            max(received_at) AS last_at,
            (SELECT outcome FROM earlier ORDER BY received_at DESC LIMIT 1) AS last_outcome
     FROM earlier`,
    [c.callId, c.digits, c.clientIds, c.before.toISOString()],
  );
  if (!row || row.n30 === 0 || !row.last_at) return null;
  return { count30d: row.n30, count7d: row.n7, lastAt: row.last_at.toISOString(), lastOutcome: row.last_outcome };
}

const HISTORY_LIMIT = 200;

/**
 * One query per kind of entry, each selecting the entry's own fields (`$1`: the client, newest first), so a row
 * is the entry but for its timestamps.
 */
const HISTORY_QUERIES = [
  `SELECT 'call' AS kind, c.id, c.received_at AS at, c.channel, t.category, c.outcome, c.incident_id AS "incidentId"
   FROM call c LEFT JOIN triage t ON t.call_id = c.id AND t.superseded_at IS NULL
   WHERE c.client_id = $1 ORDER BY c.received_at DESC`,
  `SELECT 'incident' AS kind, id, created_at AS at, number, category, status, disposition, summary
   FROM incident WHERE client_id = $1 ORDER BY created_at DESC`,
  `SELECT 'handoff' AS kind, h.id, h.requested_at AS at, h.incident_id AS "incidentId", h.agency_id AS "agencyId",
          a.name AS "agencyName", a.kind AS "agencyKind", h.status
   FROM handoff h JOIN incident i ON i.id = h.incident_id JOIN agency a ON a.id = h.agency_id
   WHERE i.client_id = $1 ORDER BY h.requested_at DESC`,
  `SELECT 'follow-up' AS kind, f.id, f.created_at AS at, f.due_at AS "dueAt",
          CASE WHEN f.done_at IS NULL THEN 'open' ELSE 'done' END AS status, f.outcome, f.agency_id AS "agencyId",
          (SELECT count(*)::int FROM follow_up_attempt a WHERE a.follow_up_id = f.id) AS attempts
   FROM follow_up f WHERE f.client_id = $1 ORDER BY f.created_at DESC`,
];

/** An entry as its query returns it: its timestamps still Dates (the mapped type keeps each kind apart). */
type WithDates<Item> = { [K in keyof Item]: K extends 'at' | 'dueAt' ? Date : Item[K] };
type HistoryRow = WithDates<ClientHistoryItem>;

function toHistoryItem(row: HistoryRow): ClientHistoryItem {
  const at = row.at.toISOString();
  return row.kind === 'follow-up' ? { ...row, at, dueAt: row.dueAt.toISOString() } : { ...row, at };
}

/** The person's calls, incidents, handoffs and follow-ups, newest first. */
export async function clientHistory(tx: Tx, clientId: string): Promise<ClientHistoryItem[]> {
  const items: ClientHistoryItem[] = [];
  for (const sql of HISTORY_QUERIES) {
    items.push(...(await tx.query<HistoryRow>(`${sql} LIMIT ${HISTORY_LIMIT}`, [clientId])).map(toHistoryItem));
  }
  return items.sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * PIPA access log for names shown as caller matches: one row per client whose identity the caller saw,
 * except the call's own linked client, whose read is already logged with the call as subject.
 */
export async function auditMatchesShown(
  tx: Tx,
  callId: string,
  matches: ClientMatch[],
  alreadyLogged: string | null,
): Promise<void> {
  for (const m of matches) {
    if (m.id === alreadyLogged) continue;
    await tx.audit({ action: 'client.match-shown', entityType: 'call', entityId: callId, subjectId: m.id });
  }
}

/** Where the client was last attended: their newest incident's location (pre-fills a new incident's location). */
export async function lastIncidentLocationOf(
  tx: Tx,
  clientId: string,
): Promise<{ lat: number; lng: number; address: string | null; at: string } | null> {
  const row = await tx.one<{ lat: number; lng: number; address: string | null; created_at: Date }>(
    `SELECT lat, lng, address, created_at FROM incident WHERE client_id = $1 ORDER BY created_at DESC, id LIMIT 1`,
    [clientId],
  );
  return row ? { lat: row.lat, lng: row.lng, address: row.address, at: row.created_at.toISOString() } : null;
}
