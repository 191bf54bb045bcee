import { useState } from 'react';
import type { ClientMatch as ClientMatchView, ClientView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { apiErrorMessage } from '../../common/action';

/** Registered clients matching the caller's number; opening one is an audited read of the safety plan. */
export function ClientMatch({ matches }: { matches: readonly ClientMatchView[] }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [client, setClient] = useState<ClientView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async (id: string) => {
    setFailure(null);
    try {
      setClient(await api.client(id));
    } catch (e) {
      setFailure(apiErrorMessage(e, t.app.error));
    }
  };

  return (
    <section className="client-match" aria-labelledby="client-title" data-testid="client-match">
      <h3 id="client-title">{t.counselor.clientMatch}</h3>
      {matches.length === 0 ? <p className="empty-note">{t.counselor.noClientMatch}</p> : null}
      <ul className="plain-list">
        {matches.map((m) => (
          <li key={m.id}>
            <strong>{m.displayName}</strong>
            {m.riskFlags.length ? <span className="risk-flags"> · {m.riskFlags.join(', ')}</span> : null}{' '}
            <button type="button" className="btn btn-small" onClick={() => void open(m.id)}>
              {t.counselor.openSafetyPlan}
            </button>
          </li>
        ))}
      </ul>
      {failure ? <p className="error">{failure}</p> : null}
      {client ? (
        <div className="safety-plan" data-testid="safety-plan">
          <h4>
            {t.counselor.safetyPlan}: {client.displayName}
          </h4>
          <p className="safety-plan-text">{client.safetyPlan ?? '—'}</p>
          <dl className="facts">
            <dt>{t.counselor.riskFlags}</dt>
            <dd>{client.riskFlags.join(', ') || '—'}</dd>
            <dt>{t.counselor.caseManager}</dt>
            <dd>{client.caseManager ?? '—'}</dd>
            <dt>{t.counselor.guardian}</dt>
            <dd>{client.guardianContact ?? '—'}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
