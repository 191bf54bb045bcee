import type {
  AgencyAdminView,
  CreateAgencyRequest,
  CreateShiftBatchRequest,
  CreateUserRequest,
  UpdateUserRequest,
  UserAdminView,
  UserView,
  CreateTeamRequest,
  PatchAgencyRequest,
  PatchTeamRequest,
  PutSkillsRequest,
  ShiftBatchResult,
  ShiftView,
  SkillView,
  TeamView,
} from '#contracts';
import type { Http } from './http';

const q = encodeURIComponent;

/** The REST calls of the admin and supervisor screens of issue 10 (rosters, teams, agencies, regions, skills). */
export function centreEndpoints(http: Http) {
  return {
    shifts: (from: string, to: string, signal?: AbortSignal) =>
      http.request<ShiftView[]>('GET', `/shifts?from=${q(from)}&to=${q(to)}`, { signal }),
    createShifts: (body: CreateShiftBatchRequest) => http.request<ShiftBatchResult>('POST', '/shifts/batch', { body }),
    deleteShift: (id: string) => http.request<void>('DELETE', `/shifts/${q(id)}`),

    skills: () => http.request<SkillView[]>('GET', '/skills'),
    putSkills: (body: PutSkillsRequest) => http.request<SkillView[]>('PUT', '/skills', { body }),

    createTeam: (body: CreateTeamRequest) => http.request<TeamView>('POST', '/teams', { body }),
    patchTeam: (id: string, body: PatchTeamRequest) => http.request<TeamView>('PATCH', `/teams/${q(id)}`, { body }),

    adminAgencies: () => http.request<AgencyAdminView[]>('GET', '/admin/agencies'),
    createAgency: (body: CreateAgencyRequest) => http.request<AgencyAdminView>('POST', '/agencies', { body }),
    patchAgency: (id: string, body: PatchAgencyRequest) =>
      http.request<AgencyAdminView>('PATCH', `/agencies/${q(id)}`, { body }),

    users: () => http.request<UserAdminView[]>('GET', '/users'),
    createUser: (body: CreateUserRequest) => http.request<UserView>('POST', '/users', { body }),
    patchUser: (id: string, body: UpdateUserRequest) =>
      http.request<UserAdminView>('PATCH', `/users/${q(id)}`, { body }),
    resetPassword: (id: string, password: string) =>
      http.request<void>('POST', `/users/${q(id)}/password`, { body: { password } }),

    importRegions: (body: unknown, nameProperty: string, codeProperty: string, nameKoProperty?: string) =>
      http.request<{ created: number; updated: number; total: number }>(
        'POST',
        `/regions/import?nameProperty=${q(nameProperty)}&codeProperty=${q(codeProperty)}${nameKoProperty ? `&nameKoProperty=${q(nameKoProperty)}` : ''}`,
        { body },
      ),
  };
}
