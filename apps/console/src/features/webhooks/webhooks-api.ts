import type { WebhookAgencySummary, WebhookDeliveryView } from '#contracts';
import type { Http } from '../../api/http';

const q = encodeURIComponent;

/** REST calls of the partner-deliveries screen (spread into the console's `Api`). */
export function webhookEndpoints(http: Http) {
  return {
    webhookAgencies: (signal?: AbortSignal) =>
      http.request<WebhookAgencySummary[]>('GET', '/webhooks/agencies', { signal }),
    deliveries: (agencyId: string, signal?: AbortSignal) =>
      http.request<WebhookDeliveryView[]>('GET', `/agencies/${q(agencyId)}/deliveries`, { signal }),
    retryDelivery: (id: string) =>
      http.request<WebhookDeliveryView>('POST', `/deliveries/${q(id)}/retry`, { body: {} }),
  };
}
