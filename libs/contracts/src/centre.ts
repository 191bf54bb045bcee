import { z } from 'zod';
import { isoInstant } from './time.js';
import { latLngSchema } from './requests.js';
import { AGENCY_KINDS, SKILL_CODE_PATTERN } from './vocabulary.js';

// Running the centre (issue 10): rosters, the skill vocabulary, team and agency edits. Request schemas are strict,
// as everywhere: unknown fields are refused with 400.

/** A shift of a team: the team is on duty from `startsAt` (inclusive) to `endsAt` (exclusive). */
export interface ShiftView {
  id: string;
  teamId: string;
  startsAt: string;
  endsAt: string;
}

/** One entry of the centre's skill vocabulary (GET/PUT /skills). */
export interface SkillView {
  code: string;
  label: string;
  labelKo: string;
}

/** GET /shifts: the shifts overlapping [from, to), optionally of one team. */
export const listShiftsQuerySchema = z
  .strictObject({ from: isoInstant, to: isoInstant, teamId: z.uuid().optional() })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { path: ['to'], message: 'must be after from' })
  // A roster screen reads a week or a month; a bound keeps one request from reading years of history.
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    path: ['to'],
    message: 'at most 62 days after from',
  });
export type ListShiftsQuery = z.infer<typeof listShiftsQuerySchema>;

const shiftInput = z
  .strictObject({ teamId: z.uuid(), startsAt: isoInstant, endsAt: isoInstant })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { path: ['endsAt'], message: 'must be after startsAt' })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= 48 * 3_600_000, {
    path: ['endsAt'],
    message: 'a shift lasts at most 48 hours',
  });

/**
 * POST /shifts/batch: several shifts in one transaction (a week of 24-hour shifts, a copied week). Without
 * `skipConflicts` one overlapping shift refuses the whole batch (409); with it, overlapping ones are left out and counted.
 */
export const createShiftBatchSchema = z.strictObject({
  shifts: z.array(shiftInput).min(1).max(500),
  skipConflicts: z.boolean().optional(),
});
export type CreateShiftBatchRequest = z.infer<typeof createShiftBatchSchema>;
export interface ShiftBatchResult {
  created: ShiftView[];
  skipped: number;
}

export const skillSchema = z.strictObject({
  code: z.string().regex(SKILL_CODE_PATTERN, 'lower-case letters, digits and hyphens, 2–40 characters'),
  label: z.string().trim().min(1).max(60),
  labelKo: z.string().trim().min(1).max(60),
});
/** PUT /skills: the whole vocabulary, in display order; codes unique. */
export const putSkillsSchema = z
  .array(skillSchema)
  .max(100)
  .superRefine((skills, ctx) => {
    const seen = new Set<string>();
    skills.forEach((s, i) => {
      if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: 'duplicate code' });
      seen.add(s.code);
    });
  });
export type PutSkillsRequest = z.infer<typeof putSkillsSchema>;

/** PATCH /teams/:id: any of the fields of POST /teams. */
export const patchTeamSchema = z
  .strictObject({
    callsign: z.string().trim().min(1).max(32),
    regionId: z.uuid(),
    coveredRegionIds: z.array(z.uuid()).max(100),
    base: latLngSchema,
    skills: z.array(z.string().regex(SKILL_CODE_PATTERN, 'a skill code')).max(100),
    size: z.int().min(1).max(20),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { path: ['(body)'], message: 'at least one field' });
export type PatchTeamRequest = z.infer<typeof patchTeamSchema>;

/** PATCH /agencies/:id. `contact` and `webhookUrl` take null to clear them; the webhook secret has its own route. */
export const patchAgencySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(AGENCY_KINDS),
    regionIds: z.array(z.uuid()).max(100),
    location: latLngSchema,
    contact: z.string().trim().max(200).nullable(),
    webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { path: ['(body)'], message: 'at least one field' });
export type PatchAgencyRequest = z.infer<typeof patchAgencySchema>;

/** The agency as its editor (an admin) sees it: the public view plus contact and webhook URL. */
export interface AgencyAdminView {
  id: string;
  code: string;
  kind: (typeof AGENCY_KINDS)[number];
  name: string;
  regionIds: string[];
  location: { lat: number; lng: number };
  contact: string | null;
  webhookUrl: string | null;
}
