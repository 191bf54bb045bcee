import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';
import { CategoryBadge } from '../../common/badges';
import { Landmark } from '../../common/Landmark';
import { ResponseClock } from '../../common/ResponseClock';
import { useLoad } from '../../common/use-load';
import { isActiveIncident } from '../map/region-shading';
import { CallbackContact } from '../coordinator/CallbackContact';

/** The incident the team is working: need-to-know details and a directions link. */
export function Assignment({ incidentId }: { incidentId: string }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const live = useEntry('incidents', incidentId);
  const { data } = useLoad((signal) => api.fieldIncident(incidentId, signal), `${incidentId}:${live?.seq ?? 0}`);
  if (!data) return <p className="empty-note">{t.app.loading}</p>;
  if (!isActiveIncident(live?.status ?? data.status)) return <p className="empty-note">{t.team.noAssignment}</p>;
  const { lat, lng, address } = data.location;
  const label = address ?? data.number;
  return (
    <Landmark className="assignment" titleId="assignment-title" testId="assignment" data-incident-id={incidentId}>
      <h2 id="assignment-title">{t.team.assignment}</h2>
      <div className="offer-what">
        <CategoryBadge category={live?.category ?? data.category} size={44} showLabel />
        <span className="offer-number">{data.number}</span>
      </div>
      <p className="offer-address">{address ?? `${lat.toFixed(5)}, ${lng.toFixed(5)}`}</p>
      <p>
        {t.detail.respondBy}:{' '}
        <ResponseClock status={live?.status ?? data.status} respondBy={live?.respondBy ?? data.respondBy} />
      </p>
      {data.summary ? <p className="assignment-summary">{data.summary}</p> : null}
      <CallbackContact callback={data.callback} asLink />
      {data.cautions.length ? (
        <section aria-label={t.fieldView.cautions} data-testid="field-cautions">
          <ul className="reason-list">
            {data.cautions.map((c) => (
              <li key={c.code}>{t.fieldView.caution[c.code]}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.neededSkills.length || data.partners.police || data.partners.ems || data.partners.fire ? (
        <p data-testid="field-asked">
          {t.fieldView.asked}:{' '}
          {[
            ...data.neededSkills.map((s) => t.skill[s as keyof typeof t.skill] ?? s),
            ...(['police', 'ems', 'fire'] as const).filter((k) => data.partners[k]).map((k) => t.fieldView.partners[k]),
          ].join(' · ')}
        </p>
      ) : null}
      <div className="row-actions">
        <a
          className="btn btn-big"
          href={`https://map.kakao.com/link/to/${encodeURIComponent(label)},${lat},${lng}`}
          target="_blank"
          rel="noreferrer"
          data-testid="directions-link"
        >
          {t.team.directions}
        </a>
        <a className="btn btn-big btn-quiet" href={`geo:${lat},${lng}?q=${lat},${lng}`}>
          {t.team.mapApp}
        </a>
      </div>
    </Landmark>
  );
}
