import { useMemo, useState, type FormEvent } from 'react';
import { bedsStale, type HospitalSuggestion } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useNow } from '../../common/clock';
import { FailureNote } from '../../common/FailureNote';
import { formatTime } from '../../common/format';
import { ReasonField, useReason } from '../../common/ReasonField';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useI18n } from '../../i18n/i18n';
import { useEntities } from '../../realtime/realtime';
import { localName } from '../../common/local-name';

const MAX_HOSPITALS = 10;

/**
 * Finding a bed: the coordinator picks 1–10 hospitals from the suggestions (accepting with free beds first, then
 * nearest) and asks them all at once; each hospital's answer shows here as it arrives, and the first accept wins.
 */
export function BedRequestPicker({ incidentId }: { incidentId: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const now = useNow();
  const suggestions = useLoad((signal) => api.hospitalSuggestions(incidentId, signal), incidentId);
  const { map, version } = useEntities('handoffs');
  const [picked, setPicked] = useState<string[]>([]);
  const reason = useReason();
  const { busy, failure, run, showFailure } = useAction();

  // The latest bed request of this incident, its hospitals' answers live from the store.
  const answers = useMemo(() => {
    const mine = [...map.values()].filter((h) => h.incidentId === incidentId && h.bedRequestId);
    const latest = mine.reduce<string | null>(
      (acc, h) => (!acc || (h.requestedAt ?? '') > (map.get(acc)?.requestedAt ?? '') ? h.id : acc),
      null,
    );
    const requestId = latest ? map.get(latest)!.bedRequestId : null;
    return mine.filter((h) => h.bedRequestId === requestId).sort((a, b) => a.agencyId.localeCompare(b.agencyId));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
  }, [map, version, incidentId]);
  const name = (agencyId: string) =>
    localName(suggestions.data?.find((s) => s.agencyId === agencyId)?.name ?? agencyId.slice(0, 8), lang);
  const winner = answers.find((h) => h.status === 'accepted' || h.status === 'completed');

  const toggle = (id: string, on: boolean) => {
    if (on && picked.length >= MAX_HOSPITALS) return showFailure(t.bedRequest.tooMany);
    setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picked.length === 0 || !reason.text) return;
    void run(async () => {
      await api.requestBeds(incidentId, picked, reason.text);
      setPicked([]);
      suggestions.reload();
    });
  };

  return (
    <section className="detail-section" aria-labelledby="bed-request-title" data-testid="bed-request">
      <h3 id="bed-request-title">{t.bedRequest.title}</h3>
      {answers.length > 0 ? (
        <div data-testid="bed-request-answers">
          <h4>{t.bedRequest.answers}</h4>
          {winner ? (
            <p className="note" role="status" data-testid="bed-found">
              {t.bedRequest.foundBed(name(winner.agencyId))}
            </p>
          ) : null}
          <ul className="plain-list">
            {answers.map((h) => (
              <li key={h.id} data-testid="bed-request-answer" data-agency-id={h.agencyId} data-status={h.status}>
                {name(h.agencyId)} · <strong>{t.handoffStatus[h.status]}</strong>
                {h.reasonCode
                  ? ` (${t.partner.declineReasons[h.reasonCode as keyof typeof t.partner.declineReasons] ?? h.reasonCode})`
                  : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={submit}>
        <fieldset className="plain-fieldset">
          <legend>{t.bedRequest.pick}</legend>
          <ul className="bed-picker">
            {(suggestions.data ?? []).map((s) => (
              <li key={s.agencyId}>
                <label>
                  <input
                    type="checkbox"
                    checked={picked.includes(s.agencyId)}
                    onChange={(e) => toggle(s.agencyId, e.target.checked)}
                    data-testid="bed-pick"
                    data-agency-id={s.agencyId}
                  />
                  <span>
                    {localName(s.name, lang)} · {t.bedRequest.distance(s.distanceKm)} · {bedsText(s, t.bedRequest)}
                    {' · '}
                    <span className={bedsStale(s.bedsUpdatedAt, now) ? 'stale' : undefined}>
                      {s.bedsUpdatedAt ? t.bedRequest.updated(formatTime(s.bedsUpdatedAt, lang)) : t.partner.bedsNever}
                      {bedsStale(s.bedsUpdatedAt, now) && s.bedsUpdatedAt ? ` (${t.bedRequest.stale})` : ''}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="inline-form">
          <ReasonField label={t.bedRequest.reason} reason={reason} maxLength={2000} testId="bed-request-reason" />
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || picked.length === 0}
            data-testid="bed-request-send"
          >
            {t.bedRequest.send(picked.length)}
          </button>
        </div>
        <FailureNote failure={failure} />
      </form>
    </section>
  );
}

function bedsText(s: HospitalSuggestion, words: { beds: (n: number | null) => string; notAccepting: string }): string {
  return s.accepting ? words.beds(s.bedsAvailable) : `${words.beds(s.bedsAvailable)}, ${words.notAccepting}`;
}
