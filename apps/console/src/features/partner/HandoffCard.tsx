import { useState } from 'react';
import type { HandoffView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { formatDateTime, formatTime } from '../../common/format';
import { useAction } from '../../common/use-action';
import { useI18n } from '../../i18n/i18n';
import { DeclineForm } from './DeclineForm';
import { IncidentFacts } from './IncidentFacts';

/** One request to this partner: what is asked, the incident in this partner's view, and the answers it may give. */
export function HandoffCard({ handoff, onChanged }: { handoff: HandoffView; onChanged: (view: HandoffView) => void }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { busy, failure, run } = useAction();
  const [declining, setDeclining] = useState(false);
  const act = (call: () => Promise<HandoffView>) => void run(async () => onChanged(await call()));
  const needsContact = handoff.kind === 'police' || handoff.kind === 'fire';
  const titleId = `handoff-${handoff.id}-title`;

  return (
    <li
      className={`panel handoff-card status-${handoff.status}`}
      data-testid="partner-handoff"
      data-status={handoff.status}
      data-id={handoff.id}
      aria-labelledby={titleId}
    >
      <header className="handoff-card-head">
        <h3 id={titleId}>
          {handoff.incident?.number ?? handoff.incidentId.slice(0, 8)} ·{' '}
          <span data-testid="partner-handoff-status">{t.handoffStatus[handoff.status]}</span>
        </h3>
        <span className="handoff-time">
          {t.partner.requestedAt}{' '}
          <time dateTime={handoff.requestedAt}>{formatDateTime(handoff.requestedAt, lang)}</time>
        </span>
      </header>
      {handoff.bedRequestId && handoff.status === 'requested' ? <p className="note">{t.partner.bedRequest}</p> : null}
      {handoff.status === 'withdrawn' ? <p className="note">{t.partner.withdrawnNote}</p> : null}
      {handoff.status === 'cancelled' && handoff.cancelReason ? (
        <p className="note">{t.partner.cancelledBecause(handoff.cancelReason)}</p>
      ) : null}
      <p>
        <strong>{t.partner.asked}:</strong> {handoff.reason}
      </p>
      {handoff.incident ? <IncidentFacts incident={handoff.incident} /> : null}
      {handoff.contactConfirmedAt ? (
        <p className="note">{t.partner.contactConfirmed(formatTime(handoff.contactConfirmedAt, lang))}</p>
      ) : null}

      <div className="handoff-actions">
        {handoff.status === 'requested' && !declining ? (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => act(() => api.acceptHandoff(handoff.id))}
              data-testid="accept-handoff"
            >
              {t.partner.accept}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => setDeclining(true)}
              data-testid="decline-handoff"
            >
              {t.partner.decline}
            </button>
          </>
        ) : null}
        {handoff.status === 'accepted' && needsContact && !handoff.contactConfirmedAt ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => act(() => api.confirmHandoffContact(handoff.id))}
            data-testid="confirm-contact"
          >
            {t.partner.confirmContact}
          </button>
        ) : null}
        {handoff.status === 'accepted' ? (
          <button
            type="button"
            className="btn"
            disabled={busy || (needsContact && !handoff.contactConfirmedAt)}
            onClick={() => act(() => api.completeHandoff(handoff.id))}
            data-testid="complete-handoff"
          >
            {t.partner.complete}
          </button>
        ) : null}
        {handoff.status === 'accepted' && needsContact && !handoff.contactConfirmedAt ? (
          <span className="note">{t.partner.contactNeeded}</span>
        ) : null}
      </div>
      {declining && handoff.status === 'requested' ? (
        <DeclineForm
          handoffId={handoff.id}
          busy={busy}
          onCancel={() => setDeclining(false)}
          onSend={(body) =>
            act(async () => {
              const view = await api.declineHandoff(handoff.id, body);
              setDeclining(false);
              return view;
            })
          }
        />
      ) : null}
      <FailureNote failure={failure} />
    </li>
  );
}
