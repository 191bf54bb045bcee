import { useMemo } from 'react';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities, useEntry } from '../../realtime/realtime';
import { TeamStatusBadge } from '../../common/badges';
import { useNow } from '../../common/clock';
import { Assignment } from './Assignment';
import { OfferCard } from './OfferCard';
import { TeamControls } from './TeamControls';
import { useLocationSharing, type LocationSharing } from './use-location-sharing';

const SHARING_GLYPH: Record<LocationSharing, string> = {
  'off-duty': '○',
  locating: '◌',
  shared: '●',
  denied: '⊘',
  unavailable: '⊘',
  'not-sent': '◐',
};

function LocationIndicator({ sharing }: { sharing: LocationSharing }) {
  const { t } = useI18n();
  return (
    <p
      className={`location-indicator is-${sharing}`}
      role="status"
      data-testid="location-indicator"
      data-state={sharing}
    >
      <span aria-hidden="true">{SHARING_GLYPH[sharing]}</span> {t.team.location[sharing]}
    </p>
  );
}

/** The responder's phone: the current offer, the incident being worked, status, check-in and panic. */
export function TeamPage() {
  const user = useUser();
  const { t } = useI18n();
  if (!user.teamId) return <p className="empty-note">{t.team.noTeam}</p>;
  return <TeamScreen teamId={user.teamId} />;
}

function TeamScreen({ teamId }: { teamId: string }) {
  const { t } = useI18n();
  const now = useNow();
  const team = useEntry('teams', teamId);
  const { sharing, position } = useLocationSharing(teamId, team?.onDuty ?? false, team?.status);
  const { map, version } = useEntities('dispatches');

  const mine = useMemo(
    () => [...map.values()].filter((d) => d.teamId === teamId),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [map, version, teamId],
  );
  const offer = mine
    .filter((d) => d.status === 'offered' && Date.parse(d.expiresAt) > now)
    .sort((a, b) => b.offeredAt.localeCompare(a.offeredAt))[0];
  const accepted = mine
    .filter((d) => d.status === 'accepted')
    .sort((a, b) => (b.respondedAt ?? b.offeredAt).localeCompare(a.respondedAt ?? a.offeredAt))[0];

  return (
    <div className="team-layout">
      <header className="team-head">
        <h2>{t.team.title(team?.callsign ?? '…')}</h2>
        {team ? <TeamStatusBadge status={team.status} /> : null}
      </header>
      {team ? <LocationIndicator sharing={sharing} /> : null}
      {offer ? <OfferCard key={offer.id} dispatch={offer} /> : null}
      {!offer && !accepted ? (
        <p className="empty-note" data-testid="no-offer">
          {t.team.noOffer}
        </p>
      ) : null}
      {accepted ? <Assignment incidentId={accepted.incidentId} /> : null}
      <TeamControls teamId={teamId} status={team?.status} position={() => position.current} />
    </div>
  );
}
