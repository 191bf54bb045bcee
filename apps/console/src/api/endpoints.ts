import type {
  AgencyKind,
  AgencyView,
  AuditRowView,
  AlertView,
  BedRequestView,
  BedsView,
  CallView,
  ConsoleConfig,
  CreateCallRequest,
  CreateIncidentRequest,
  DispatchStatus,
  DispatchView,
  EndCallRequest,
  EventsPage,
  HandoffDeclineRequest,
  HandoffStatus,
  FieldIncidentView,
  HandoffView,
  HospitalSuggestion,
  IncidentDetail,
  IncidentView,
  KpiReport,
  KpiTrend,
  LatLng,
  LoginRequest,
  LoginResponse,
  RegionCollection,
  ResponseTimes,
  SettableTeamStatus,
  StaffingPlan,
  TeamView,
  TriageInput,
  DispositionView,
  TriageOverrideInput,
  TriageRecord,
  TriageResult,
  UnusualAccessReport,
  UserView,
} from '#contracts';
import type { Recommendation } from '#geo';
import type { Http } from './http';
import { admissionEndpoints } from '../features/admissions/admissions-api';
import { webhookEndpoints } from '../features/webhooks/webhooks-api';
import { centreEndpoints } from './centre-endpoints';
import { careEndpoints } from './care-endpoints';
import { geocodingEndpoints } from '../features/location/geocoding-api';

/** What POST /incidents answers (contract.md). */
export type CreatedIncident = Pick<IncidentView, 'id' | 'number' | 'regionId' | 'category' | 'respondBy' | 'status'>;

const q = encodeURIComponent;

/** Every REST call the console makes, typed by libs/contracts. */
export function createApi(http: Http) {
  const get = <T>(path: string, signal?: AbortSignal) => http.request<T>('GET', path, { signal });
  const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    http.request<T>('POST', path, { body: body ?? {}, headers });
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
    /** The same route as a team's phone gets it: the field's need-to-know view (responders only). */
    fieldIncident: (id: string, signal?: AbortSignal) => get<FieldIncidentView>(`/incidents/${q(id)}`, signal),
    recommendations: (id: string, signal?: AbortSignal) =>
      get<Recommendation[]>(`/incidents/${q(id)}/recommendations`, signal),
    offer: (incidentId: string, teamId: string) =>
      post<DispatchView>(`/incidents/${q(incidentId)}/dispatches`, { teamId }),
    dispositions: (signal?: AbortSignal) => get<DispositionView[]>('/dispositions', signal),
    closeIncident: (id: string, disposition: string) =>
      post<IncidentView>(`/incidents/${q(id)}/close`, { disposition }),
    requestHandoff: (incidentId: string, body: { agencyId: string; kind: AgencyKind; reason: string }) =>
      post<HandoffView>(`/incidents/${q(incidentId)}/handoffs`, body),
    policeAssist: (incidentId: string) => post<AlertView>(`/incidents/${q(incidentId)}/police-assist`),

    openAlerts: () => get<AlertView[]>('/alerts?open=true'),
    ackAlert: (id: string) => post<AlertView>(`/alerts/${q(id)}/ack`),

    queueCalls: () => get<CallView[]>('/calls?status=ringing,active'),
    call: (id: string) => get<CallView>(`/calls/${q(id)}`),
    createCall: (body: CreateCallRequest, idempotencyKey: string) =>
      post<CallView>('/calls', body, { 'Idempotency-Key': idempotencyKey }),
    answerCall: (id: string) => post<CallView>(`/calls/${q(id)}/answer`),
    takeoverCall: (id: string, reason: string) => post<CallView>(`/calls/${q(id)}/takeover`, { reason }),
    endCall: (id: string, body: EndCallRequest) => post<CallView>(`/calls/${q(id)}/end`, body),
    triageCall: (id: string, input: TriageInput | Record<string, unknown>) =>
      post<TriageResult>(`/calls/${q(id)}/triage`, input),
    overrideTriage: (id: string, body: TriageOverrideInput) =>
      post<TriageRecord>(`/calls/${q(id)}/triage/override`, body),
    createIncident: (body: CreateIncidentRequest) => post<CreatedIncident>('/incidents', body),

    dispatches: (status: readonly DispatchStatus[]) => get<DispatchView[]>(`/dispatches?status=${status.join(',')}`),
    teamDispatches: (teamId: string, status: readonly DispatchStatus[]) =>
      get<DispatchView[]>(`/dispatches?teamId=${q(teamId)}&status=${status.join(',')}`),
    accept: (dispatchId: string) => post<DispatchView>(`/dispatches/${q(dispatchId)}/accept`),
    decline: (dispatchId: string, reason: string) =>
      post<DispatchView>(`/dispatches/${q(dispatchId)}/decline`, { reason }),
    setTeamStatus: (teamId: string, status: SettableTeamStatus, location?: LatLng) =>
      post<TeamView>(`/teams/${q(teamId)}/status`, location ? { status, location } : { status }),
    sendLocation: (teamId: string, location: LatLng) => post<void>(`/teams/${q(teamId)}/location`, location),
    checkin: (teamId: string) => post<void>(`/teams/${q(teamId)}/checkin`),
    panic: (teamId: string, location?: LatLng) =>
      post<AlertView>(`/teams/${q(teamId)}/panic`, location ? { location } : {}),

    // Supervisor dashboard and access-log review (issue 10); `query` is an already encoded query string.
    kpis: (query: string, signal?: AbortSignal) => get<KpiReport>(`/kpis?${query}`, signal),
    kpiTrend: (query: string, signal?: AbortSignal) => get<KpiTrend>(`/kpis/trend?${query}`, signal),
    kpiRegions: (query: string, signal?: AbortSignal) =>
      get<{ regionId: string; report: KpiReport }[]>(`/kpis/regions?${query}`, signal),
    kpiTargets: () => get<{ responseMinutes: ResponseTimes }>('/kpis/targets'),
    staffing: () => get<StaffingPlan>('/planning/staffing'),
    audit: (query: string, signal?: AbortSignal) => get<AuditRowView[]>(`/audit?${query}`, signal),
    unusualAccess: (query: string, signal?: AbortSignal) => get<UnusualAccessReport>(`/audit/unusual?${query}`, signal),
    // Partners (issue 8): the portal's handoffs and bed board, the coordinator's bed requests.
    handoffs: (status?: HandoffStatus) => get<HandoffView[]>(status ? `/handoffs?status=${status}` : '/handoffs'),
    handoff: (id: string, signal?: AbortSignal) => get<HandoffView>(`/handoffs/${q(id)}`, signal),
    acceptHandoff: (id: string) => post<HandoffView>(`/handoffs/${q(id)}/accept`),
    declineHandoff: (id: string, body: HandoffDeclineRequest) => post<HandoffView>(`/handoffs/${q(id)}/decline`, body),
    completeHandoff: (id: string) => post<HandoffView>(`/handoffs/${q(id)}/complete`),
    confirmHandoffContact: (id: string) => post<HandoffView>(`/handoffs/${q(id)}/contact-confirmed`),
    cancelHandoff: (id: string, reason: string) => post<HandoffView>(`/handoffs/${q(id)}/cancel`, { reason }),
    agency: (id: string, signal?: AbortSignal) => get<AgencyView>(`/agencies/${q(id)}`, signal),
    reportBeds: (agencyId: string, available: number, accepting: boolean) =>
      post<BedsView>(`/agencies/${q(agencyId)}/beds`, { available, accepting }),
    hospitalSuggestions: (incidentId: string, signal?: AbortSignal) =>
      get<HospitalSuggestion[]>(`/incidents/${q(incidentId)}/hospital-suggestions`, signal),
    requestBeds: (incidentId: string, agencyIds: string[], reason: string) =>
      post<BedRequestView>(`/incidents/${q(incidentId)}/bed-requests`, { agencyIds, reason }),
    ...admissionEndpoints(http),
    ...webhookEndpoints(http),
    ...centreEndpoints(http),
    ...careEndpoints(http),
    ...geocodingEndpoints(http),
  };
}

export type Api = ReturnType<typeof createApi>;
