import { useState } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { DispatchEntry } from '../../realtime/event-store';
import { CategoryBadge } from '../../common/badges';
import { Countdown } from '../../common/Countdown';
import { FailureNote } from '../../common/FailureNote';
import { Landmark } from '../../common/Landmark';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useShortcuts } from '../../common/use-shortcuts';

/** The current offer: what and where, how long is left, Accept or Decline (with a reason). */
export function OfferCard({ dispatch }: { dispatch: DispatchEntry }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  // An accepted or declined offer leaves the screen, so the buttons stay disabled after a success.
  const { busy, failure, run } = useAction({ keepBusyOnSuccess: true });
  // The offer event normally carries the need-to-know summary; read the incident only when it does not.
  const fallback = useLoad(
    (signal) => api.fieldIncident(dispatch.incidentId, signal),
    dispatch.incident ? null : dispatch.incidentId,
  );
  const incident =
    dispatch.incident ??
    (fallback.data
      ? { number: fallback.data.number, category: fallback.data.category, location: fallback.data.location }
      : undefined);

  const accept = () => void run(() => api.accept(dispatch.id));
  const decline = (reason: string) => void run(() => api.decline(dispatch.id, reason));
  useShortcuts({ a: accept, d: () => setDeclining(true) });

  return (
    <Landmark
      className="offer-card"
      titleId="offer-title"
      testId="offer-card"
      data-dispatch-id={dispatch.id}
      role="region"
    >
      <h2 id="offer-title">{t.team.offer}</h2>
      <div className="offer-what">
        {incident ? <CategoryBadge category={incident.category} size={56} showLabel /> : null}
        <span className="offer-number">{incident?.number ?? ''}</span>
      </div>
      {incident?.location.address ? <p className="offer-address">{incident.location.address}</p> : null}
      <p className="offer-countdown">
        <Countdown to={dispatch.expiresAt} warnMs={20_000} expiredText={t.time.expired} />
      </p>
      <FailureNote failure={failure} />
      {declining ? (
        <fieldset className="decline-reasons">
          <legend>{t.team.declineReason}</legend>
          {t.team.declineReasons.map((reason) => (
            <button key={reason} type="button" className="btn btn-big" disabled={busy} onClick={() => decline(reason)}>
              {reason}
            </button>
          ))}
          <button type="button" className="btn btn-big btn-quiet" onClick={() => setDeclining(false)}>
            {t.app.cancel}
          </button>
        </fieldset>
      ) : (
        <div className="offer-actions">
          <button type="button" className="btn btn-big btn-accept" disabled={busy} onClick={accept}>
            ✓ {t.team.accept}
          </button>
          <button type="button" className="btn btn-big btn-decline" disabled={busy} onClick={() => setDeclining(true)}>
            ✕ {t.team.decline}
          </button>
        </div>
      )}
    </Landmark>
  );
}
