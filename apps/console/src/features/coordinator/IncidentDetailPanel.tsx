import { useEffect, useMemo } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities, useEntry, useStore } from '../../realtime/realtime';
import { CategoryBadge } from '../../common/badges';
import { Countdown } from '../../common/Countdown';
import { ResponseClock } from '../../common/ResponseClock';
import { formatTime } from '../../common/format';
import { useLoad } from '../../common/use-load';
import { isActiveIncident } from '../map/region-shading';
import { BedRequestPicker } from './BedRequestPicker';
import { HandoffSection } from './HandoffSection';
import { AdmissionClocks } from '../admissions/AdmissionClocks';
import { HandBackSection } from '../handback/HandBackSection';
import { Recommendations } from './Recommendations';
import { DeclinedTeams } from './DeclinedTeams';
import { CloseIncidentSection } from './CloseIncidentSection';
import { CallbackContact } from './CallbackContact';
import { DispositionShown } from './DispositionShown';
import { TimelineAgency } from './TimelineAgency';
import { timelineText } from './timeline-text';

/** Incident detail: facts, triage reasons, recommendations with one-click offer, dispatches, handoffs, timeline, close. */
export function IncidentDetailPanel({
  incidentId,
  onClose,
  regionName,
}: {
  incidentId: string;
  onClose: () => void;
  regionName: (id: string | null) => string;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const store = useStore();
  const incident = useEntry('incidents', incidentId);
  // Re-read the audited detail whenever the incident changes, so the timeline follows the live state.
  const detail = useLoad((signal) => api.incident(incidentId, signal), `${incidentId}:${incident?.seq ?? 0}`);
  const { map: dispatchMap, version: dispatchVersion } = useEntities('dispatches');

  useEffect(() => {
    if (!detail.data) return;
    store.seedDispatches(detail.data.dispatches);
    store.seedHandoffs(detail.data.handoffs);
  }, [detail.data, store]);

  const dispatches = useMemo(
    () =>
      [...dispatchMap.values()]
        .filter((d) => d.incidentId === incidentId)
        .sort((a, b) => b.offeredAt.localeCompare(a.offeredAt)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `dispatchVersion` is what changes
    [dispatchMap, dispatchVersion, incidentId],
  );

  const status = incident?.status ?? detail.data?.status;
  const category = incident?.category ?? detail.data?.category;
  const number = incident?.number ?? detail.data?.number ?? '';
  const active = status ? isActiveIncident(status) : false;
  const needsTeam = status === 'open' || status === 'dispatching';
  const hasOpenOffer = dispatches.some((d) => d.status === 'offered');

  return (
    <section
      className="panel detail-panel"
      aria-labelledby="detail-title"
      data-testid="incident-detail"
      data-status={status}
    >
      <header className="detail-header">
        {category ? <CategoryBadge category={category} size={36} /> : null}
        <div className="detail-heading">
          <h2 id="detail-title">{t.detail.title(number)}</h2>
          <span className="detail-status" data-testid="incident-status">
            {status ? t.incidentStatus[status] : ''}
            {category ? ` · ${t.category[category]}` : ''}
          </span>
        </div>
        <button type="button" className="btn btn-quiet" onClick={onClose} aria-label={t.app.close}>
          ✕
        </button>
      </header>
      <dl className="facts">
        <dt>{t.detail.respondBy}</dt>
        <dd>
          {active ? (
            <ResponseClock status={status} respondBy={incident?.respondBy ?? detail.data?.respondBy ?? null} />
          ) : (
            t.detail.closed
          )}
        </dd>
        <dt>{t.detail.address}</dt>
        <dd>{detail.data?.location.address ?? incident?.address ?? '—'}</dd>
        <dt>{t.detail.region}</dt>
        <dd>{regionName(incident?.regionId ?? detail.data?.regionId ?? null) || '—'}</dd>
        <dt>{t.detail.summary}</dt>
        <dd>{detail.data?.summary ?? incident?.summary ?? '—'}</dd>
        <dt>{t.detail.team}</dt>
        <dd>{(incident?.teamId && store.teams.get(incident.teamId)?.callsign) || '—'}</dd>
        <dt>{t.detail.reasons}</dt>
        <dd>
          {detail.data?.triage?.reasons.length
            ? detail.data.triage.reasons
                .map((r) => t.triage.reasonText[r as keyof typeof t.triage.reasonText] ?? r)
                .join(' · ')
            : '—'}
        </dd>
      </dl>

      <CallbackContact callback={detail.data?.callback ?? null} />
      {active ? <DeclinedTeams dispatches={dispatches} /> : null}
      {active && needsTeam && !hasOpenOffer ? (
        <Recommendations incidentId={incidentId} refreshKey={String(incident?.seq ?? 0)} />
      ) : null}

      <section className="detail-section" aria-labelledby="dispatches-title">
        <h3 id="dispatches-title">{t.detail.dispatches}</h3>
        <ul className="plain-list">
          {dispatches.map((d) => (
            <li key={d.id} data-testid="dispatch-row" data-status={d.status}>
              <strong>{store.teams.get(d.teamId)?.callsign ?? d.teamId.slice(0, 8)}</strong> ·{' '}
              {t.dispatchStatus[d.status]}
              {d.status === 'offered' ? (
                <>
                  {' · '}
                  <Countdown to={d.expiresAt} warnMs={30_000} expiredText={t.time.expired} />
                </>
              ) : null}
              {d.reason ? ` · ${d.reason}` : ''}
            </li>
          ))}
        </ul>
      </section>

      {active ? <BedRequestPicker incidentId={incidentId} /> : null}
      <HandoffSection incidentId={incidentId} closed={!active} />
      <AdmissionClocks incidentId={incidentId} closed={!active} />
      <HandBackSection incidentId={incidentId} closed={status === 'closed'} />

      {active ? <CloseIncidentSection incidentId={incidentId} /> : null}
      {!active && detail.data?.disposition ? <DispositionShown code={detail.data.disposition} /> : null}

      <section className="detail-section" aria-labelledby="timeline-title">
        <h3 id="timeline-title">{t.detail.timeline}</h3>
        <ol className="timeline" data-testid="timeline">
          {(detail.data?.timeline ?? []).map((entry, i) => (
            <li key={`${entry.at}-${i}`} data-type={entry.type}>
              <time dateTime={entry.at}>{formatTime(entry.at, lang)}</time>{' '}
              <span className="timeline-type">{timelineText(entry.type, t)}</span>
              <TimelineAgency data={entry.data} />
              {entry.actor ? <span className="timeline-actor"> · {entry.actor}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
