import { z } from 'zod';
import { isoInstant } from './time.js';
import { DISPOSITION_CODES } from './dispositions.js';
import {
  AGENCY_KINDS,
  HANDOFF_STATUSES,
  CALL_CHANNELS,
  CALL_OUTCOMES,
  DISPATCH_STATUSES,
  type DispatchStatus,
  ROLES,
  SETTABLE_TEAM_STATUSES,
  SKILL_CODE_PATTERN,
} from './vocabulary.js';

// Request bodies of the REST API (contract.md). Strict objects: unknown fields are refused with 400.

export const latLngSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(10, 'at least 10 characters').max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const createUserSchema = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[a-z0-9._-]+$/i, 'letters, digits, dot, underscore and hyphen only'),
    password: z.string().min(10, 'at least 10 characters').max(256),
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    teamId: z.uuid().optional(),
    agencyId: z.uuid().optional(),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'responder' && !u.teamId)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'a responder must belong to a team' });
    if (u.role === 'agency' && !u.agencyId)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'an agency user must belong to an agency' });
    if (u.role !== 'responder' && u.teamId)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'only responders belong to a team' });
    if (u.role !== 'agency' && u.agencyId)
      ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'only agency users belong to an agency' });
  });
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const createTeamSchema = z.strictObject({
  callsign: z.string().trim().min(1).max(32),
  regionId: z.uuid(),
  coveredRegionIds: z.array(z.uuid()).max(100).optional(),
  base: latLngSchema,
  // Codes of the centre's vocabulary (GET /skills); which ones exist is checked against the database.
  skills: z.array(z.string().regex(SKILL_CODE_PATTERN, 'a skill code')).max(100),
  size: z.int().min(1).max(20),
});
export type CreateTeamRequest = z.infer<typeof createTeamSchema>;

export const createShiftSchema = z
  .strictObject({
    teamId: z.uuid(),
    startsAt: isoInstant,
    endsAt: isoInstant,
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type CreateShiftRequest = z.infer<typeof createShiftSchema>;

export const createAgencySchema = z.strictObject({
  code: z.string().trim().min(1).max(64),
  kind: z.enum(AGENCY_KINDS),
  name: z.string().trim().min(1).max(200),
  regionIds: z.array(z.uuid()).max(100),
  location: latLngSchema,
  webhookUrl: z.url().optional(),
  contact: z.string().trim().max(200).optional(),
});
export type CreateAgencyRequest = z.infer<typeof createAgencySchema>;

export const createCallSchema = z.strictObject({
  channel: z.enum(CALL_CHANNELS),
  callerNumber: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,20}$/, 'a phone number')
    .optional(),
  callerRelation: z.string().trim().max(64).optional(),
  notes: z.string().max(10000).optional(),
});
export type CreateCallRequest = z.infer<typeof createCallSchema>;

export const endCallSchema = z.strictObject({
  outcome: z.enum(CALL_OUTCOMES),
  notes: z.string().max(10000).optional(),
});
export type EndCallRequest = z.infer<typeof endCallSchema>;

export const createIncidentSchema = z.strictObject({
  callId: z.uuid(),
  location: z.strictObject({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    address: z.string().trim().max(300).optional(),
  }),
  summary: z.string().max(2000).optional(),
  attachToIncidentId: z.uuid().optional(),
  // What the counselor learned about the person in crisis; each maps to a team skill (libs/geo neededSkillsFor).
  subjectAge: z.int().min(0).max(130).optional(),
  language: z.string().trim().min(1).max(35).optional(),
  substance: z.boolean().optional(),
  preferFemaleClinician: z.boolean().optional(),
});
export type CreateIncidentRequest = z.infer<typeof createIncidentSchema>;

/** POST /calls/:id/takeover: taking another counselor's call is explicit and says why. */
export const takeoverCallSchema = z.strictObject({
  reason: z.string().trim().min(3, 'a reason of at least 3 characters is required').max(500),
});
export type TakeoverCallRequest = z.infer<typeof takeoverCallSchema>;

/** POST /calls/:id/client: link the call to a registered client (null unlinks a wrong match). */
export const linkClientSchema = z.strictObject({ clientId: z.uuid().nullable() });
export type LinkClientRequest = z.infer<typeof linkClientSchema>;

/** POST /telephony/incoming (signed by the PBX): a ringing call. `externalId` makes retries idempotent. */
export const telephonyIncomingSchema = z.strictObject({
  callerNumber: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,20}$/, 'a phone number'),
  externalId: z.string().trim().min(1).max(128).optional(),
  receivedAt: isoInstant.optional(),
});
export type TelephonyIncomingRequest = z.infer<typeof telephonyIncomingSchema>;

export const offerDispatchSchema = z.strictObject({ teamId: z.uuid() });
export const declineDispatchSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const teamStatusSchema = z.strictObject({
  status: z.enum(SETTABLE_TEAM_STATUSES),
  location: latLngSchema.optional(),
});
export type TeamStatusRequest = z.infer<typeof teamStatusSchema>;

export const handoffSchema = z.strictObject({
  agencyId: z.uuid(),
  kind: z.enum(AGENCY_KINDS),
  reason: z.string().trim().min(1).max(2000),
});
export const handoffListQuerySchema = z.strictObject({
  incidentId: z.uuid().optional(),
  status: z.enum(HANDOFF_STATUSES).optional(),
});

// A code of GET /dispositions (issue 13 item 7), not free text: the outcomes are counted.
export const closeIncidentSchema = z.strictObject({ disposition: z.enum(DISPOSITION_CODES) });
export type CloseIncidentRequest = z.infer<typeof closeIncidentSchema>;
export const cancelIncidentSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export type CancelIncidentRequest = z.infer<typeof cancelIncidentSchema>;

export type OfferDispatchRequest = z.infer<typeof offerDispatchSchema>;
export type DeclineDispatchRequest = z.infer<typeof declineDispatchSchema>;
/** POST /dispatches/:id/withdraw (coordinator): take back an unanswered offer. */
export const withdrawDispatchSchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() });
export type WithdrawDispatchRequest = z.infer<typeof withdrawDispatchSchema>;

/** POST /teams/:id/panic: the phone sends its position when it has one. */
export const panicSchema = z.strictObject({ location: latLngSchema.optional() });
export type PanicRequest = z.infer<typeof panicSchema>;

/** GET /dispatches?teamId=&incidentId=&status=offered,accepted */
export const dispatchesQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  incidentId: z.uuid().optional(),
  status: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const list = v.split(',').map((x) => x.trim());
      const bad = list.filter((x) => !(DISPATCH_STATUSES as readonly string[]).includes(x));
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown status ${bad.join(', ')}; one of ${DISPATCH_STATUSES.join(', ')}`,
        });
        return z.NEVER;
      }
      return list as DispatchStatus[];
    }),
});

/** GET /alerts?open=true */
export const alertsQuerySchema = z.strictObject({
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
});

export const eventsQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
