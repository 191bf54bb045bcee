import { useMemo } from 'react';
import { useAuth, useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities, useEntry, useStore } from '../../realtime/realtime';
import { useSeed } from '../../realtime/use-seed';
import { TeamStatusBadge } from '../../shared/badges';
import { useNow } from '../../shared/clock';
import { Assignment } from './Assignment';
import { OfferCard } from './OfferCard';
import { TeamControls } from './TeamControls';
import { usePosition } from './use-position';

/** The responder's phone: the current offer, the incident being worked, status, check-in and panic. */
export function TeamPage() {
  const user = useUser();
  const { t } = useI18n();
  if (!user.teamId) return <p className="empty-note">{t.team.noTeam}</p>;
  return <TeamScreen teamId={user.teamId} />;
}

function TeamScreen({ teamId }: { teamId: string }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const store = useStore();
  const now = useNow();
  const position = usePosition();
  const team = useEntry('teams', teamId);
  const { map, version } = useEntities('dispatches');

  useSeed(() =>
    Promise.allSettled([
      api.teams().then((x) => store.seedTeams(x.filter((team) => team.id === teamId))),
      api.teamDispatches(teamId, 'offered').then((x) => store.seedDispatches(x)),
      api.teamDispatches(teamId, 'accepted').then((x) => store.seedDispatches(x)),
    ]),
  );

  const mine = useMemo(
    () => [...map.values()].filter((d) => d.teamId === teamId),
    // `version` is what changes; the map is mutated in place
    [map, version, teamId],
  );
  const offer = mine.filter((d) => d.status === 'offered' && Date.parse(d.expiresAt) > now).sort((a, b) => b.offeredAt.localeCompare(a.offeredAt))[0];
  const accepted = mine
    .filter((d) => d.status === 'accepted')
    .sort((a, b) => (b.respondedAt ?? b.offeredAt).localeCompare(a.respondedAt ?? a.offeredAt))[0];

  return (
    <div className="team-layout">
      <header className="team-head">
        <h2>{t.team.title(team?.callsign ?? '…')}</h2>
        {team ? <TeamStatusBadge status={team.status} /> : null}
      </header>
      {offer ? <OfferCard key={offer.id} dispatch={offer} /> : <p className="empty-note" data-testid="no-offer">{t.team.noOffer}</p>}
      {accepted ? <Assignment incidentId={accepted.incidentId} /> : null}
      <TeamControls teamId={teamId} status={team?.status} position={() => position.current} />
    </div>
  );
}
