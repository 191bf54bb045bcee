import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';

export const TAKEOVER_EXPLANATION_ID = 'takeover-explanation';
const MIN_REASON = 3;

/**
 * Shown while the call belongs to another counselor: why the controls are disabled, and an explicit, recorded
 * takeover (POST /calls/:id/takeover with a reason). Working someone else's call by accident could triage the
 * wrong person, so it is never implicit.
 */
export function TakeoverBar({ callId }: { callId: string }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const store = useStore();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  // Once taken over, the call is this counselor's and the bar goes away: stay busy until it does.
  const { busy, failure, run } = useAction({ keepBusyOnSuccess: true });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_REASON) return;
    void run(async () => {
      const asOf = store.lastSeq;
      store.seedCalls([await api.takeoverCall(callId, reason.trim())], asOf);
    });
  };

  return (
    <div className="takeover-bar" role="region" aria-label={t.counselor.takeover.title} data-testid="takeover">
      <p id={TAKEOVER_EXPLANATION_ID}>{t.counselor.takeover.explanation}</p>
      <FailureNote failure={failure} />
      {asking ? (
        <form className="inline-form" onSubmit={submit}>
          <label className="field field-wide">
            <span>{t.counselor.takeover.reason}</span>
            <input
              name="takeoverReason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              minLength={MIN_REASON}
              maxLength={500}
              required
              autoFocus
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || reason.trim().length < MIN_REASON}>
            {t.counselor.takeover.confirm}
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => setAsking(false)} disabled={busy}>
            {t.app.cancel}
          </button>
        </form>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setAsking(true)} data-testid="takeover-button">
          {t.counselor.takeover.button}
        </button>
      )}
    </div>
  );
}
