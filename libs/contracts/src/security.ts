import { z } from 'zod';
import type { DispatchView, HandoffView, IncidentView, UserView } from './responses.js';
import { ROLES } from './vocabulary.js';

// Running the centre: the users admin API (contract.md) and the session vocabulary it shares with /auth.

/** `PATCH /users/:id`. A change of role, team or agency, or `active:false`, ends the user's sessions. */
export const updateUserSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES).optional(),
    // null unbinds (a responder who becomes a counselor leaves the team); omitted keeps the current binding.
    teamId: z.uuid().nullable().optional(),
    agencyId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

/** `POST /users/:id/password`: an admin sets a new password; the user's existing tokens stop working. */
export const resetPasswordSchema = z.strictObject({
  password: z.string().min(10, 'at least 10 characters').max(256),
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordSchema>;

/** A user as the admin sees it in `GET /users`: never any password data. */
export interface UserAdminView extends UserView {
  active: boolean;
  createdAt: string;
  /** When the user last logged in, or null if never. */
  lastLoginAt: string | null;
}

/** Why a session ended (stored on the session row and shown in the audit log). */
export const SESSION_END_REASONS = ['logout', 'password-change', 'password-reset', 'deactivated', 'role-change'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** A safety caution for whoever goes to the person: the same codes police and fire get in EIDO. */
export interface FieldCaution {
  code: 'weapon-access' | 'harm-to-others-threats' | 'harm-to-others-imminent' | 'harm-to-others-inProgress' | 'danger-to-others' | 'history-of-violence';
  severity: 'highest' | 'high' | 'normal';
}

/**
 * What a team's phone reads of an incident its team is or was dispatched to (`GET /incidents/:id` for a responder):
 * where, what category, the safety cautions, what is asked of the team, and the summary. Never the client id, the
 * C-SSRS answers or triage reasons, the calls, the timeline, nor other teams' dispatches.
 */
export interface FieldIncidentView extends IncidentView {
  view: 'field';
  /** The team working the incident now (null once it has cleared). */
  teamId: string | null;
  cautions: FieldCaution[];
  /** What is asked: the skills the response needs, and which emergency partners the triage calls for. */
  neededSkills: string[];
  partners: { police: boolean; ems: boolean; fire: boolean };
  /** This team's dispatches on the incident. */
  dispatches: DispatchView[];
  /** Handoffs in outline (who, of what kind, how far): no free-text reason. */
  handoffs: Pick<HandoffView, 'id' | 'agencyId' | 'kind' | 'status'>[];
}
