import { useEffect, useState } from 'react';
import type { WebhookDeliveryView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useI18n } from '../../i18n/i18n';
import { TableHead } from '../../common/TableHead';
import { useStore } from '../../realtime/realtime';
import { formatStamp } from '../admissions/use-admissions';
import '../admissions/admissions.css';

/** While anything is queued, look again this often: deliveries are not pushed as events. */
const REFRESH_MS = 3000;

/** Webhook deliveries per partner agency, with their status, and a retry for a failed one (admin, coordinator). */
export function DeliveriesPage() {
  const { api, user } = useAuth();
  const { t } = useI18n();
  const store = useStore();
  const [nonce, setNonce] = useState(0);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const summaries = useLoad((signal) => api.webhookAgencies(signal), `summaries:${nonce}`);
  const deliveries = useLoad((signal) => api.deliveries(agencyId!, signal), agencyId ? `${agencyId}:${nonce}` : null);
  const canRetry = user?.role === 'admin' || user?.role === 'coordinator';
  const anyPending = (deliveries.data ?? []).some((d) => d.status === 'pending');

  useEffect(() => {
    // A failed-webhook alert means a row just turned failed: show it at once.
    return store.onEnvelope((e) => {
      if (e.type === 'alert.raised' && e.data.kind === 'webhook-failed') setNonce((n) => n + 1);
    });
  }, [store]);
  useEffect(() => {
    if (!anyPending) return;
    const timer = setTimeout(() => setNonce((n) => n + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [anyPending, deliveries.data]);

  const chosen = summaries.data?.find((s) => s.agencyId === agencyId);
  return (
    <section className="work-page" aria-labelledby="deliveries-title" data-testid="deliveries-page">
      <h2 id="deliveries-title">{t.webhooks.title}</h2>
      <div className="deliveries-layout">
        <nav aria-label={t.webhooks.agencies}>
          <h3>{t.webhooks.agencies}</h3>
          {(summaries.data ?? []).map((s) => (
            <button
              key={s.agencyId}
              type="button"
              className="btn agency-pick"
              aria-pressed={s.agencyId === agencyId}
              onClick={() => setAgencyId(s.agencyId)}
              data-testid="delivery-agency"
              data-agency-id={s.agencyId}
            >
              <strong>{s.name}</strong>
              <br />
              <small>{s.webhookUrl ? t.webhooks.counts(s.pending, s.delivered, s.failed) : t.webhooks.noWebhook}</small>
            </button>
          ))}
        </nav>
        <div>
          {chosen ? (
            <>
              <h3>{t.webhooks.deliveriesOf(chosen.name)}</h3>
              <button type="button" className="btn btn-quiet" onClick={() => setNonce((n) => n + 1)}>
                {t.webhooks.refresh}
              </button>
              <DeliveryTable
                rows={deliveries.data ?? []}
                canRetry={canRetry}
                onRetried={() => setNonce((n) => n + 1)}
              />
            </>
          ) : (
            <p className="empty-note">{t.webhooks.choose}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function DeliveryTable({
  rows,
  canRetry,
  onRetried,
}: {
  rows: WebhookDeliveryView[];
  canRetry: boolean;
  onRetried: () => void;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { busy, failure, run } = useAction();
  if (rows.length === 0) return <p className="empty-note">{t.webhooks.empty}</p>;
  return (
    <>
      <FailureNote failure={failure} />
      <table className="data-table" data-testid="deliveries-table">
        <TableHead
          columns={[
            t.webhooks.event,
            t.webhooks.state,
            t.webhooks.attempts,
            t.webhooks.lastAnswer,
            t.webhooks.nextAttempt,
            t.webhooks.delivered,
            <span key="retry" className="visually-hidden">
              {t.webhooks.retry}
            </span>,
          ]}
        />
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-status={d.status} data-delivery-id={d.id}>
              <td>
                {d.eventType} <small>#{d.eventSeq}</small>
              </td>
              <td className={d.status === 'failed' ? 'text-danger' : undefined}>{t.webhooks.status[d.status]}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : '—')}</td>
              <td>{formatStamp(d.nextAttemptAt, lang)}</td>
              <td>{formatStamp(d.deliveredAt, lang)}</td>
              <td>
                {canRetry && d.status === 'failed' ? (
                  <button
                    type="button"
                    className="btn"
                    disabled={busy}
                    aria-label={t.webhooks.retryLabel(d.eventType, d.eventSeq)}
                    onClick={() => void run(() => api.retryDelivery(d.id)).then(onRetried)}
                  >
                    {t.webhooks.retry}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
