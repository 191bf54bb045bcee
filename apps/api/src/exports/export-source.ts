import { createHash } from 'node:crypto';
import type {
  AgencyKind,
  CallChannel,
  Category,
  CssrsRisk,
  DispatchStatus,
  HandoffStatus,
  IncidentStatus,
  PartnerNotification,
  TeamStatus,
  TriageInput,
} from '#contracts';

// The plain data the partner exports are built from. The repository fills these from the database; the builders
// (fhir-bundle.ts, eido.ts) are pure functions of them, so what each partner sees is decided and tested here.
// Deliberately absent: call notes and end notes, incident summary, triage reasons, the client's safety plan, case
// manager, guardian contact and phone numbers. No builder can leak what it is never given.

export interface ExportIncident {
  id: string;
  number: string;
  category: Category;
  status: IncidentStatus;
  lat: number;
  lng: number;
  address: string | null;
  dangerToOthers: boolean;
  notify: PartnerNotification;
  createdAt: Date;
  onSceneAt: Date | null;
  closedAt: Date | null;
}

export interface ExportTriage {
  id: string;
  category: Category;
  cssrsRisk: CssrsRisk;
  respondWithinMinutes: number | null;
  rulesVersion: string;
  assessedAt: Date;
  overridden: boolean;
  input: TriageInput;
}

/** A registered client: only the fields a partner may ever get. */
export interface ExportClient {
  id: string;
  displayName: string;
  birthYear: number | null;
  /** Only the safety-relevant flags (weapon-access, violence); clinical flags are dropped by the repository. */
  safetyFlags: string[];
}

export interface ExportAgency {
  id: string;
  code: string;
  kind: AgencyKind;
  name: string;
}

export interface ExportHandoff {
  id: string;
  incidentId: string;
  agency: ExportAgency;
  kind: AgencyKind;
  status: HandoffStatus;
  reason: string;
  reasonCode: string | null;
  requestedAt: Date;
  respondedAt: Date | null;
  completedAt: Date | null;
}

export interface ExportCall {
  id: string;
  channel: CallChannel;
  receivedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
}

export interface ExportTeam {
  id: string;
  callsign: string;
  status: TeamStatus;
  statusChangedAt: Date;
  skills: string[];
  dispatchStatus: DispatchStatus | null;
}

/** A stable UUID derived from a seed (name-based, SHA-1, RFC 4122 v5 layout): the same export gives the same ids. */
export function derivedUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The latest of some timestamps (nulls ignored). */
export function latest(...dates: (Date | null | undefined)[]): Date {
  const ms = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return new Date(Math.max(...ms));
}
