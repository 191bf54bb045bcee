import type { ClientHistoryItem } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { formatWhen } from './care-format';

function detail(item: ClientHistoryItem, t: ReturnType<typeof useI18n>['t']): string {
  switch (item.kind) {
    case 'call':
      return [item.category, item.outcome ? t.callOutcome[item.outcome] : null].filter(Boolean).join(' · ');
    case 'incident':
      return [item.number, item.category, t.incidentStatus[item.status], item.disposition].filter(Boolean).join(' · ');
    case 'handoff':
      return `${item.agencyName} · ${t.handoffStatus[item.status]}`;
    case 'follow-up':
      return [
        item.status === 'done' && item.outcome
          ? t.followUps.outcome[item.outcome]
          : t.followUps.due + ' ' + item.dueAt.slice(0, 10),
        `${t.followUps.attempts}: ${item.attempts}`,
      ].join(' · ');
  }
}

/** GET /clients/:id/history, newest first (an audited read, loaded when the record is opened). */
export function ClientHistory({ clientId, refreshKey }: { clientId: string; refreshKey: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const history = useLoad((signal) => api.clientHistory(clientId, signal), `${clientId}:${refreshKey}`);
  return (
    <section aria-labelledby="client-history-title" data-testid="client-history">
      <h3 id="client-history-title">{t.clients.history}</h3>
      {history.data?.length === 0 ? <p className="empty-note">{t.clients.noHistory}</p> : null}
      <ul className="history-list">
        {(history.data ?? []).map((item) => (
          <li key={`${item.kind}:${item.id}`} data-kind={item.kind}>
            <time dateTime={item.at}>{formatWhen(item.at, lang)}</time> ·{' '}
            <strong>{t.clients.historyKind[item.kind]}</strong> · {detail(item, t)}
          </li>
        ))}
      </ul>
    </section>
  );
}
