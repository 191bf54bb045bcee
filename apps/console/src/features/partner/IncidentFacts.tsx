import type { ReactNode } from 'react';
import type { HandoffIncidentView } from '#contracts';
import { useI18n } from '../../i18n/i18n';

/** The incident as this partner may see it: one layout per reader view (contract "Views"). */
export function IncidentFacts({ incident }: { incident: HandoffIncidentView }) {
  const { t } = useI18n();
  const head = (
    <>
      <dt>{t.partner.incident}</dt>
      <dd>{incident.number}</dd>
      <dt>{t.partner.category}</dt>
      <dd>
        {incident.category} · {t.category[incident.category]}
      </dd>
    </>
  );
  const facts = (rest: ReactNode) => (
    <dl className="facts" data-testid="incident-facts" data-view={incident.view}>
      {head}
      {rest}
    </dl>
  );
  switch (incident.view) {
    case 'hospital':
    case 'community':
      return facts(
        <>
          <dt>{t.partner.person}</dt>
          <dd>{incident.personName ?? t.partner.personUnknown}</dd>
          {incident.view === 'hospital' ? (
            <>
              <dt>{t.partner.cssrs}</dt>
              <dd data-testid="cssrs-band">{incident.cssrsRisk ? t.cssrsRisk[incident.cssrsRisk] : '—'}</dd>
            </>
          ) : null}
          <dt>{t.partner.summary}</dt>
          <dd>{incident.summary ?? '—'}</dd>
        </>,
      );
    case 'emergency':
    case 'staff':
      return facts(
        <>
          <dt>{t.partner.location}</dt>
          <dd>
            {incident.location.address ?? `${incident.location.lat.toFixed(5)}, ${incident.location.lng.toFixed(5)}`}
          </dd>
          {incident.view === 'emergency' ? (
            <>
              <dt>{t.partner.cautions}</dt>
              <dd data-testid="cautions">
                {incident.cautions.length
                  ? incident.cautions.map((c) => t.partner.caution[c]).join(' · ')
                  : t.partner.noCautions}
              </dd>
              <dt>{t.partner.team}</dt>
              <dd>
                {incident.team
                  ? `${incident.team.callsign} · ${t.teamStatus[incident.team.status]}`
                  : t.partner.teamNone}
              </dd>
            </>
          ) : null}
        </>,
      );
  }
}
