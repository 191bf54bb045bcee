import { z } from 'zod';
import { isoDay, isoInstant } from './time.js';

// Emergency admission (Mental Health Welfare Act Art. 50), the Art. 44 administrative admission request, and
// the holiday calendar the Art. 50 clock skips.

export const ADMISSION_ESCORTS = ['police', 'fire'] as const;
export type AdmissionEscort = (typeof ADMISSION_ESCORTS)[number];

export const ADMISSION_STATUSES = ['active', 'ended'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

/** How an emergency admission ends: released, or converted to an admission of another article. */
export const ADMISSION_OUTCOMES = ['discharged', 'voluntary', 'consent', 'guardian', 'administrative'] as const;
export type AdmissionOutcome = (typeof ADMISSION_OUTCOMES)[number];

export const GUARDIAN_NOTICE_METHODS = ['written', 'in-person'] as const;
export type GuardianNoticeMethod = (typeof GUARDIAN_NOTICE_METHODS)[number];

/** The guardian's notice is a task: due for 24 hours after admission, then overdue until done. */
export const GUARDIAN_NOTICE_STATUSES = ['due', 'overdue', 'done'] as const;
export type GuardianNoticeStatus = (typeof GUARDIAN_NOTICE_STATUSES)[number];

const at = isoInstant;
const name = z.string().trim().min(1).max(100);

export const emergencyAdmissionSchema = z.strictObject({
  hospitalAgencyId: z.uuid(),
  // Both consents are the legal condition of Art. 50: required fields, so a missing one is a 400 naming it.
  doctor: z.strictObject({ name, at }),
  police: z.strictObject({ name, badge: z.string().trim().min(1).max(40), at }),
  escort: z.enum(ADMISSION_ESCORTS),
  admittedAt: at,
});
export type EmergencyAdmissionRequest = z.infer<typeof emergencyAdmissionSchema>;

export const guardianNoticeSchema = z.strictObject({
  name,
  relation: z.string().trim().min(1).max(60),
  method: z.enum(GUARDIAN_NOTICE_METHODS),
  at,
});
export type GuardianNoticeRequest = z.infer<typeof guardianNoticeSchema>;

export const endAdmissionSchema = z.strictObject({ outcome: z.enum(ADMISSION_OUTCOMES), at });
export type EndAdmissionRequest = z.infer<typeof endAdmissionSchema>;

export const administrativeAdmissionSchema = z.strictObject({
  requestedBy: z.strictObject({ name, role: z.string().trim().min(1).max(60) }),
  district: z.string().trim().min(1).max(100),
  at,
});
export type AdministrativeAdmissionRequest = z.infer<typeof administrativeAdmissionSchema>;

export const admissionsQuerySchema = z.strictObject({
  active: z.enum(['true', 'false']).optional(),
  incidentId: z.uuid().optional(),
});

const day = isoDay;
export const holidaysSchema = z.array(day).max(2000);

export interface GuardianNoticeView {
  status: GuardianNoticeStatus;
  dueAt: string;
  name?: string;
  relation?: string;
  method?: GuardianNoticeMethod;
  at?: string;
}

export interface EmergencyAdmissionView {
  id: string;
  incidentId: string;
  incidentNumber: string;
  hospitalAgencyId: string;
  hospitalName: string;
  status: AdmissionStatus;
  escort: AdmissionEscort;
  doctor: { name: string; at: string };
  police: { name: string; badge: string; at: string };
  admittedAt: string;
  endsAt: string;
  guardianNotice: GuardianNoticeView;
  outcome: AdmissionOutcome | null;
  endedAt: string | null;
}

export interface AdministrativeAdmissionView {
  id: string;
  incidentId: string;
  requestedBy: { name: string; role: string };
  district: string;
  at: string;
}

/** `admission.created` / `admission.updated`: ids and clocks, no names. */
export interface AdmissionEventData {
  id: string;
  incidentId: string;
  hospitalAgencyId: string;
  status: AdmissionStatus;
  admittedAt: string;
  endsAt: string;
  guardianNotice: { status: GuardianNoticeStatus; dueAt: string };
  outcome: AdmissionOutcome | null;
  /** The team working the incident, which hears of the admission. */
  teamId?: string | null;
}
