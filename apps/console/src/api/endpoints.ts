import type {
  AgencyKind,
  AgencyView,
  AlertView,
  CallView,
  ClientView,
  ConsoleConfig,
  CreateCallRequest,
  CreateIncidentRequest,
  DispatchStatus,
  DispatchView,
  EndCallRequest,
  EventsPage,
  HandoffView,
  IncidentDetail,
  IncidentView,
  LatLng,
  LoginRequest,
  LoginResponse,
  RegionCollection,
  SettableTeamStatus,
  TeamView,
  TriageInput,
  DispositionView,
  TriageOverrideInput,
  TriageRecord,
  TriageResult,
  UserView,
} from '#contracts';
import type { Recommendation } from '#geo';
import type { Http } from './http';


/** What POST /incidents answers (contract.md). */
export type CreatedIncident = Pick<IncidentView, 'id' | 'number' | 'regionId' | 'category' | 'respondBy' | 'status'>;

const q = encodeURIComponent;

/** Every REST call the console makes, typed by libs/contracts. */
export function createApi(http: Http) {
  const get = <T>(path: string, signal?: AbortSignal) => http.request<T>('GET', path, { signal });
  const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) => http.request<T>('POST', path, { body: body ?? {}, headers });
  return {
    login: (body: LoginRequest) => post<LoginResponse>('/auth/login', body),
    me: () => get<UserView>('/auth/me'),
    refresh: () => post<LoginResponse>('/auth/refresh'),
    config: () => get<ConsoleConfig>('/config'),
    events: (after: number, limit: number) => get<EventsPage>(`/events?after=${after}&limit=${limit}`),
    eventsHead: () => get<{ lastSeq: number }>('/events/head'),

    regions: () => get<RegionCollection>('/regions'),
    teams: () => get<TeamView[]>('/teams'),
    agencies: (kind?: AgencyKind) => get<AgencyView[]>(kind ? `/agencies?kind=${kind}` : '/agencies'),

    activeIncidents: () => get<IncidentView[]>('/incidents?status=active'),
    incident: (id: string, signal?: AbortSignal) => get<IncidentDetail>(`/incidents/${q(id)}`, signal),
    recommendations: (id: string, signal?: AbortSignal) => get<Recommendation[]>(`/incidents/${q(id)}/recommendations`, signal),
    offer: (incidentId: string, teamId: string) => post<DispatchView>(`/incidents/${q(incidentId)}/dispatches`, { teamId }),
    dispositions: (signal?: AbortSignal) => get<DispositionView[]>('/dispositions', signal),
    closeIncident: (id: string, disposition: string) => post<IncidentView>(`/incidents/${q(id)}/close`, { disposition }),
    requestHandoff: (incidentId: string, body: { agencyId: string; kind: AgencyKind; reason: string }) =>
      post<HandoffView>(`/incidents/${q(incidentId)}/handoffs`, body),
    policeAssist: (incidentId: string) => post<AlertView>(`/incidents/${q(incidentId)}/police-assist`),

    openAlerts: () => get<AlertView[]>('/alerts?open=true'),
    ackAlert: (id: string) => post<AlertView>(`/alerts/${q(id)}/ack`),

    queueCalls: () => get<CallView[]>('/calls?status=ringing,active'),
    call: (id: string) => get<CallView>(`/calls/${q(id)}`),
    createCall: (body: CreateCallRequest, idempotencyKey: string) => post<CallView>('/calls', body, { 'Idempotency-Key': idempotencyKey }),
    answerCall: (id: string) => post<CallView>(`/calls/${q(id)}/answer`),
    takeoverCall: (id: string, reason: string) => post<CallView>(`/calls/${q(id)}/takeover`, { reason }),
    endCall: (id: string, body: EndCallRequest) => post<CallView>(`/calls/${q(id)}/end`, body),
    triageCall: (id: string, input: TriageInput | Record<string, unknown>) => post<TriageResult>(`/calls/${q(id)}/triage`, input),
    overrideTriage: (id: string, body: TriageOverrideInput) => post<TriageRecord>(`/calls/${q(id)}/triage/override`, body),
    client: (id: string) => get<ClientView>(`/clients/${q(id)}`),
    createIncident: (body: CreateIncidentRequest) => post<CreatedIncident>('/incidents', body),

    dispatches: (status: readonly DispatchStatus[]) => get<DispatchView[]>(`/dispatches?status=${status.join(',')}`),
    teamDispatches: (teamId: string, status: readonly DispatchStatus[]) => get<DispatchView[]>(`/dispatches?teamId=${q(teamId)}&status=${status.join(',')}`),
    accept: (dispatchId: string) => post<DispatchView>(`/dispatches/${q(dispatchId)}/accept`),
    decline: (dispatchId: string, reason: string) => post<DispatchView>(`/dispatches/${q(dispatchId)}/decline`, { reason }),
    setTeamStatus: (teamId: string, status: SettableTeamStatus, location?: LatLng) =>
      post<TeamView>(`/teams/${q(teamId)}/status`, location ? { status, location } : { status }),
    sendLocation: (teamId: string, location: LatLng) => post<void>(`/teams/${q(teamId)}/location`, location),
    checkin: (teamId: string) => post<void>(`/teams/${q(teamId)}/checkin`),
    panic: (teamId: string, location?: LatLng) => post<AlertView>(`/teams/${q(teamId)}/panic`, location ? { location } : {}),
  };
}

export type Api = ReturnType<typeof createApi>;
