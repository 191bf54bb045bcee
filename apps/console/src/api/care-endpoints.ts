import type {
  AgencyView,
  ClientHistoryItem,
  ClientSearchItem,
  ClientView,
  CreateClientRequest,
  FollowUpAttemptRequest,
  FollowUpCompleteRequest,
  FollowUpView,
  HandBackRequest,
  SafetyPlan,
  UpdateClientRequest,
} from '#contracts';
import type { Http } from './http';

const q = encodeURIComponent;

/** Continuity of care: the client registry, safety plans, follow-ups and the warm hand-back. */
export function careEndpoints(http: Http) {
  return {
    client: (id: string, signal?: AbortSignal) => http.request<ClientView>('GET', `/clients/${q(id)}`, { signal }),
    searchClients: (text: string, signal?: AbortSignal) =>
      http.request<ClientSearchItem[]>('GET', `/clients?q=${q(text)}`, { signal }),
    clientHistory: (id: string, signal?: AbortSignal) =>
      http.request<ClientHistoryItem[]>('GET', `/clients/${q(id)}/history`, { signal }),
    createClient: (body: CreateClientRequest) => http.request<ClientView>('POST', '/clients', { body }),
    updateClient: (id: string, body: UpdateClientRequest) =>
      http.request<ClientView>('PATCH', `/clients/${q(id)}`, { body }),
    saveSafetyPlan: (id: string, plan: SafetyPlan) =>
      http.request<ClientView>('PUT', `/clients/${q(id)}/safety-plan`, { body: plan }),
    communityCentres: () => http.request<AgencyView[]>('GET', '/agencies?kind=community'),
    followUps: (status: 'open' | 'done' | 'all', signal?: AbortSignal) =>
      http.request<FollowUpView[]>('GET', `/follow-ups?status=${status}`, { signal }),
    incidentFollowUps: (incidentId: string, signal?: AbortSignal) =>
      http.request<FollowUpView[]>('GET', `/follow-ups?status=all&incidentId=${q(incidentId)}`, { signal }),
    followUpAttempt: (id: string, body: FollowUpAttemptRequest) =>
      http.request<FollowUpView>('POST', `/follow-ups/${q(id)}/attempts`, { body }),
    completeFollowUp: (id: string, body: FollowUpCompleteRequest) =>
      http.request<FollowUpView>('POST', `/follow-ups/${q(id)}/complete`, { body }),
    handBack: (incidentId: string, body: HandBackRequest) =>
      http.request<FollowUpView>('POST', `/incidents/${q(incidentId)}/hand-back`, { body }),
  };
}
