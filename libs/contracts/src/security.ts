import { z } from 'zod';
import type { DispatchView, HandoffView, IncidentCallback, IncidentView, UserView } from './responses.js';
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
export const SESSION_END_REASONS = [
  'logout',
  'password-change',
  'password-reset',
  'deactivated',
  'role-change',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** A safety caution for whoever goes to the person: the same codes police and fire get in EIDO. */
export interface FieldCaution {
  code:
    | 'weapon-access'
    | 'harm-to-others-threats'
    | 'harm-to-others-imminent'
    | 'harm-to-others-inProgress'
    | 'danger-to-others'
    | 'history-of-violence';
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
  /** The caller's callback number and relation (the team may have to call the family back); no other call data. */
  callback: IncidentCallback | null;
}

// Text PostgreSQL cannot store: U+0000 (refused in text and jsonb) and an unpaired UTF-16 surrogate (refused in
// jsonb, silently replaced in text). One rule, checked for every string and key of every request body, query string
// and path parameter before any schema or SQL sees it, so such input is a 400 naming the field, never a 500.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this rule refuses (PostgreSQL cannot store it)
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSTORABLE_TEXT_MESSAGE = 'contains a character that cannot be stored (NUL or an unpaired surrogate)';

export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** The first field (dotted path, `[i]` for items, as in validation errors) holding unstorable text, or null. */
export function unstorableTextField(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '(body)';
  // Bodies are at most 256 kB and parsed JSON; the depth cap only keeps a pathological nesting from recursing far.
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextField(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return path ? `${path} (a key)` : '(a key)';
    const found = unstorableTextField(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}
