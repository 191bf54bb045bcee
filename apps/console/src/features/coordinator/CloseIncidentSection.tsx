import { useMemo, useState, type FormEvent } from 'react';
import type { DispositionCode } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities } from '../../realtime/realtime';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { refusalOf } from '../../common/error-text';

type Pending = 'close' | 'police' | null;

/**
 * Closing an incident and calling the police (issue 13 item 7): the disposition is picked from GET /dispositions
 * (Korean labels on Korean screens); closing while handoffs are still requested, and requesting police assistance,
 * each ask for a confirmation first. Failures show here, next to the buttons.
 */
export function CloseIncidentSection({ incidentId }: { incidentId: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const dispositions = useLoad((signal) => api.dispositions(signal), 'dispositions');
  const { map: handoffs, version } = useEntities('handoffs');
  const [disposition, setDisposition] = useState<DispositionCode | ''>('');
  const [pending, setPending] = useState<Pending>(null);
  const { busy, failure, run } = useAction();
  // The refusal "team still on scene" comes with its way out: clear the team, then close (issue 13 item 6).
  const [onScene, setOnScene] = useState<{ teamId: string; callsign: string } | null>(null);
  const closing = (action: () => Promise<unknown>) =>
    run(async () => {
      setOnScene(null);
      try {
        await action();
      } catch (error) {
        const refusal = refusalOf(error);
        if ((refusal?.reason === 'team-on-scene' || refusal?.reason === 'team-must-clear') && refusal.params?.teamId)
          setOnScene({ teamId: refusal.params.teamId, callsign: refusal.params.callsign ?? '' });
        throw error;
      }
    });
  const requested = useMemo(
    () => [...handoffs.values()].filter((h) => h.incidentId === incidentId && h.status === 'requested').length,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [handoffs, version, incidentId],
  );

  const closeNow = () => {
    setPending(null);
    if (disposition) void closing(() => api.closeIncident(incidentId, disposition));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!disposition) return;
    if (requested > 0) setPending('close');
    else closeNow();
  };
  const clearAndClose = (teamId: string) => {
    if (!disposition) return;
    void closing(async () => {
      await api.setTeamStatus(teamId, 'available');
      await api.closeIncident(incidentId, disposition);
    });
  };
  const askPolice = () => {
    setPending(null);
    void run(() => api.policeAssist(incidentId));
  };

  return (
    <section className="detail-section" aria-labelledby="close-title" data-testid="close-section">
      <h3 id="close-title">{t.detail.close}</h3>
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{t.detail.disposition}</span>
          <select
            name="disposition"
            value={disposition}
            onChange={(e) => setDisposition(e.target.value as DispositionCode | '')}
            required
          >
            <option value="">—</option>
            {(dispositions.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {lang === 'ko' ? d.labelKo : d.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn" disabled={busy || !disposition}>
          {t.detail.close}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => setPending('police')}>
          {t.detail.policeAssist}
        </button>
      </form>
      {pending ? (
        <div className="confirm-row" role="group" aria-labelledby="close-confirm-text" data-testid="close-confirm">
          <p id="close-confirm-text">
            {pending === 'close' ? t.closing.handoffsOpen(requested) : t.closing.policeConfirm}
          </p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={pending === 'close' ? closeNow : askPolice}
          >
            {pending === 'close' ? t.closing.closeAnyway : t.closing.policeYes}
          </button>
          <button type="button" className="btn" onClick={() => setPending(null)}>
            {t.closing.back}
          </button>
        </div>
      ) : null}
      <FailureNote failure={failure} testId="close-failure" />
      {failure && onScene ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !disposition}
          onClick={() => clearAndClose(onScene.teamId)}
          data-testid="clear-and-close"
        >
          {t.refusal.clearTeamAndClose(onScene.callsign)}
        </button>
      ) : null}
    </section>
  );
}
