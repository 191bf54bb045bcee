import { z } from 'zod';
import type { LatLng } from './geo.js';
import type { CssrsRisk } from './triage.js';
import {
  HANDOFF_DECLINE_REASONS,
  type AgencyKind,
  type Category,
  type HandoffDeclineReason,
  type HandoffStatus,
  type TeamStatus,
} from './vocabulary.js';

// Partners in the loop (issue 8): the partner portal, multi-hospital bed requests and the handoff rules.
// Each reader of a handoff gets one view, decided by who reads it (contract "Views").

/** Who reads a handoff: a hospital, police or fire (one "emergency" view), a community centre, or the centre's staff. */
export const HANDOFF_READERS = ['hospital', 'emergency', 'community', 'staff'] as const;
export type HandoffReader = (typeof HANDOFF_READERS)[number];

/** The reader kind of a partner agency. */
export function readerOfAgencyKind(kind: AgencyKind): Exclude<HandoffReader, 'staff'> {
  switch (kind) {
    case 'hospital':
      return 'hospital';
    case 'police':
    case 'fire':
      return 'emergency';
    case 'community':
      return 'community';
  }
}

/** The decline reasons a partner picks from in the portal (the rest of the vocabulary stays valid over the API). */
export const PORTAL_DECLINE_REASONS = [
  'no-beds',
  'no-psychiatrist',
  'medical-clearance-needed',
  'outside-catchment',
  'other',
] as const satisfies readonly HandoffDeclineReason[];

/** What police and fire are warned about, never why (no clinical detail). */
export const SAFETY_CAUTIONS = [
  'weapon-access',
  'violence-history',
  'threats',
  'harm-to-others-imminent',
  'danger-to-others',
] as const;
export type SafetyCaution = (typeof SAFETY_CAUTIONS)[number];

/** Handoff statuses in which the partner still owes an answer or the person is in its care. */
export const OPEN_HANDOFF_STATUSES = ['requested', 'accepted'] as const satisfies readonly HandoffStatus[];

/** A hospital: who (only with a registered client linked), how urgent, how at risk, what happened and what is asked. */
export interface HospitalHandoffIncident {
  view: 'hospital';
  number: string;
  category: Category;
  cssrsRisk: CssrsRisk | null;
  summary: string | null;
  personName: string | null;
}

/** Police and fire: where, what to watch out for and who is on scene. Never notes, C-SSRS answers or the plan. */
export interface EmergencyHandoffIncident {
  view: 'emergency';
  number: string;
  category: Category;
  location: LatLng & { address: string | null };
  cautions: SafetyCaution[];
  team: { callsign: string; status: TeamStatus } | null;
}

/** A community centre: what a follow-up needs (who, how urgent, what happened). */
export interface CommunityHandoffIncident {
  view: 'community';
  number: string;
  category: Category;
  summary: string | null;
  personName: string | null;
}

/** The centre's own staff, who read the whole incident through the audited detail anyway. */
export interface StaffHandoffIncident {
  view: 'staff';
  number: string;
  category: Category;
  location: LatLng & { address: string | null };
}

export type HandoffIncidentView =
  HospitalHandoffIncident | EmergencyHandoffIncident | CommunityHandoffIncident | StaffHandoffIncident;

/** One bed request: the hospitals asked at once and who won. */
export interface BedRequestView {
  id: string;
  incidentId: string;
  reason: string;
  requestedAt: string;
  acceptedHandoffId: string | null;
  acceptedAt: string | null;
  handoffs: { id: string; agencyId: string; status: HandoffStatus }[];
}

/** GET /incidents/:id/hospital-suggestions: accepting with free beds first, then by distance. */
export interface HospitalSuggestion {
  agencyId: string;
  name: string;
  distanceKm: number;
  bedsAvailable: number | null;
  accepting: boolean;
  bedsUpdatedAt: string | null;
}

/** The answer of POST /agencies/:id/beds and the data of `hospital.updated`. */
export interface BedsView {
  agencyId: string;
  bedsAvailable: number;
  accepting: boolean;
  bedsUpdatedAt: string;
  /** Same as bedsUpdatedAt (kept for clients of the first wave). */
  updatedAt: string;
}

const reason = z.string().trim().min(1).max(2000);

/** POST /incidents/:id/bed-requests */
export const bedRequestSchema = z.strictObject({
  agencyIds: z
    .array(z.uuid())
    .min(1, 'pick at least one hospital')
    .max(10, 'at most 10 hospitals at once')
    .refine((ids) => new Set(ids).size === ids.length, 'a hospital is listed twice'),
  reason,
});
export type BedRequestRequest = z.infer<typeof bedRequestSchema>;

/** POST /agencies/:id/beds */
export const bedReportSchema = z.strictObject({ available: z.int().min(0).max(10000), accepting: z.boolean() });
export type BedReportRequest = z.infer<typeof bedReportSchema>;

/**
 * POST /handoffs/:id/decline: a reason code and optional words. The portal asks for words with `other`; the API
 * keeps the contract's `{reasonCode}` alone valid for partner systems.
 */
export const handoffDeclineRequestSchema = z.strictObject({
  reasonCode: z.enum(HANDOFF_DECLINE_REASONS),
  reasonText: z.string().trim().min(1).max(500).optional(),
});
export type HandoffDeclineRequest = z.infer<typeof handoffDeclineRequestSchema>;

/** POST /handoffs/:id/cancel */
export const handoffCancelSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type HandoffCancelRequest = z.infer<typeof handoffCancelSchema>;

/** How old a hospital's bed report may be before the portal and the console remind to update it. */
export const BEDS_STALE_HOURS = 4;

/** True when a bed report is missing or older than BEDS_STALE_HOURS at `now`. */
export function bedsStale(bedsUpdatedAt: string | null, now: number): boolean {
  if (!bedsUpdatedAt) return true;
  return now - Date.parse(bedsUpdatedAt) > BEDS_STALE_HOURS * 3_600_000;
}
