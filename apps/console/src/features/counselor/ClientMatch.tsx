import { useEffect, useState } from 'react';
import type { ClientMatch as ClientMatchView, ClientView, RepeatContact } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { errorText } from '../../common/error-text';
import { CautionChips } from '../clients/CautionChips';
import { SafetyPlanView } from '../clients/SafetyPlanView';
import { formatWhen } from '../clients/care-format';
import { localName } from '../../common/local-name';

/**
 * Registered clients matching the caller's number. The person the call is linked to (or the only match) opens at
 * once, so the safety plan is in front of the counselor the moment the caller is recognised; opening a record is
 * an audited read. A caller who rang before within 30 days is flagged ("third call this week").
 */
export function ClientMatch({
  matches,
  linkedClientId = null,
  repeatContact = null,
}: {
  matches: readonly ClientMatchView[];
  linkedClientId?: string | null;
  repeatContact?: RepeatContact | null;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [client, setClient] = useState<ClientView | null>(null);
  // The error itself, worded at render time in the current language.
  const [failure, setFailure] = useState<unknown>(null);

  const open = async (id: string) => {
    setFailure(null);
    try {
      setClient(await api.client(id));
    } catch (e) {
      setFailure(e);
    }
  };

  const recognised = linkedClientId ?? (matches.length === 1 ? matches[0].id : null);
  useEffect(() => {
    if (!recognised) return;
    let live = true;
    api.client(recognised).then(
      (c) => live && setClient(c),
      (e: unknown) => live && setFailure(e),
    );
    return () => {
      live = false;
    };
  }, [recognised, api]);

  return (
    // Focusable: on a narrow screen the section is a fixed-height box (styles.css) that a long plan scrolls inside.
    <section className="client-match" aria-labelledby="client-title" data-testid="client-match" tabIndex={0}>
      <h3 id="client-title">{t.counselor.clientMatch}</h3>
      {repeatContact ? (
        <p className="repeat-flag" data-testid="repeat-contact" role="status">
          {t.clients.repeatContact(repeatContact.count7d + 1, repeatContact.count30d)}
          {' · '}
          {t.clients.lastContact(
            formatWhen(repeatContact.lastAt, lang),
            repeatContact.lastOutcome ? t.callOutcome[repeatContact.lastOutcome] : '—',
          )}
        </p>
      ) : null}
      {matches.length === 0 ? <p className="empty-note">{t.counselor.noClientMatch}</p> : null}
      <ul className="plain-list">
        {matches.map((m) => (
          <li key={m.id}>
            <strong>{localName(m.displayName, lang)}</strong>
            {m.riskFlags.length ? <span className="risk-flags"> · {m.riskFlags.join(', ')}</span> : null}{' '}
            {client?.id !== m.id ? (
              <button type="button" className="btn btn-small" onClick={() => void open(m.id)}>
                {t.counselor.openSafetyPlan}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {failure ? <p className="error">{errorText(failure, t, lang)}</p> : null}
      {client ? (
        <div className="safety-plan" data-testid="safety-plan" data-client-id={client.id}>
          <h4>
            {t.clients.matchPlan(localName(client.name, lang))} <CautionChips caution={client.caution} />
          </h4>
          {client.safetyPlan ? (
            <SafetyPlanView plan={client.safetyPlan} />
          ) : (
            <p className="empty-note">{t.clients.noPlan}</p>
          )}
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

/** The caller's details before the call's record has arrived: the same place, so nothing moves when they do. */
export function ClientMatchPending() {
  const { t } = useI18n();
  return (
    <section className="client-match" aria-labelledby="client-title-pending" data-testid="client-match-pending">
      <h3 id="client-title-pending">{t.counselor.clientMatch}</h3>
      <p className="empty-note">{t.app.loading}</p>
    </section>
  );
}
