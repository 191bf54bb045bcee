import type {
  EmergencyAdmissionRequest,
  EmergencyAdmissionView,
  EndAdmissionRequest,
  GuardianNoticeRequest,
} from '#contracts';
import type { Http } from '../../api/http';

const q = encodeURIComponent;

/** REST calls of emergency admissions and the holiday calendar (spread into the console's `Api`). */
export function admissionEndpoints(http: Http) {
  return {
    emergencyAdmissions: (filter: { active?: boolean; incidentId?: string }, signal?: AbortSignal) => {
      const params = new URLSearchParams();
      if (filter.active !== undefined) params.set('active', String(filter.active));
      if (filter.incidentId) params.set('incidentId', filter.incidentId);
      return http.request<EmergencyAdmissionView[]>('GET', `/emergency-admissions?${params.toString()}`, { signal });
    },
    createEmergencyAdmission: (incidentId: string, body: EmergencyAdmissionRequest) =>
      http.request<EmergencyAdmissionView>('POST', `/incidents/${q(incidentId)}/emergency-admission`, { body }),
    recordGuardianNotice: (id: string, body: GuardianNoticeRequest) =>
      http.request<EmergencyAdmissionView>('POST', `/emergency-admissions/${q(id)}/guardian-notice`, { body }),
    endAdmission: (id: string, body: EndAdmissionRequest) =>
      http.request<EmergencyAdmissionView>('POST', `/emergency-admissions/${q(id)}/end`, { body }),
    holidays: (signal?: AbortSignal) => http.request<string[]>('GET', '/holidays', { signal }),
    saveHolidays: (days: string[]) => http.request<string[]>('PUT', '/holidays', { body: days }),
  };
}
