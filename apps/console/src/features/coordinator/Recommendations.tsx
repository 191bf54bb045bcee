import { useState } from 'react';
import type { TeamSkill } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { errorText } from '../../common/error-text';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useShortcuts } from '../../common/use-shortcuts';

/** Best-first team recommendations for an incident, each with a one-click offer. */
export function Recommendations({ incidentId, refreshKey }: { incidentId: string; refreshKey: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { data, error, loading } = useLoad(
    (signal) => api.recommendations(incidentId, signal),
    `${incidentId}:${refreshKey}`,
  );
  const skillName = (code: string) => t.skill[code as TeamSkill] ?? code;
  const reasonText = (code: string) =>
    code.startsWith('skill.match:')
      ? t.detail.skillMatch(skillName(code.slice(12)))
      : code.startsWith('skill.missing:')
        ? t.detail.skillMissing(skillName(code.slice(14)))
        : (t.detail.recReason[code] ?? code);
  const [sent, setSent] = useState<Record<string, boolean>>({});
  const { busy, failure, run } = useAction();

  const offer = (teamId: string) =>
    run(async () => {
      await api.offer(incidentId, teamId);
      setSent((s) => ({ ...s, [teamId]: true }));
    });
  useShortcuts({
    o: () => {
      const first = data?.[0];
      if (first && !sent[first.teamId]) void offer(first.teamId);
    },
  });

  return (
    <section className="detail-section" aria-labelledby="recs-title">
      <h3 id="recs-title">{t.detail.recommendations}</h3>
      {loading && !data ? <p className="empty-note">{t.app.loading}</p> : null}
      {error ? <p className="error">{errorText(error, t, lang)}</p> : null}
      {data && data.length === 0 ? <p className="empty-note">{t.detail.noRecommendations}</p> : null}
      <FailureNote failure={failure} />
      <ol className="rec-list">
        {(data ?? []).map((r) => (
          <li key={r.teamId} className="rec-row" data-testid="recommendation" data-team-id={r.teamId}>
            <span className="rec-main">
              <strong className="rec-callsign">{r.callsign}</strong>
              <span className="rec-meta">
                {t.detail.eta(r.etaMinutes)} · {t.detail.distance(r.distanceKm)} ·{' '}
                {r.inRegion ? t.detail.inRegion : t.detail.outOfRegion}
              </span>
              {r.reasons.length ? <span className="rec-reasons">{r.reasons.map(reasonText).join(' · ')}</span> : null}
            </span>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || sent[r.teamId]}
              onClick={() => void offer(r.teamId)}
            >
              {sent[r.teamId] ? t.detail.offered : t.detail.offer}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
