import { memo, useMemo } from 'react';
import { TEAM_STATUSES } from '#contracts';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import type { TeamEntry } from '../../realtime/event-store';
import { useEntities } from '../../realtime/realtime';
import { TeamStatusBadge } from '../../common/badges';
import { formatTime } from '../../common/format';
import { TeamStatusMenu } from './TeamStatusMenu';

const ORDER = new Map(TEAM_STATUSES.map((s, i) => [s, i]));

const TeamRow = memo(function TeamRow({
  team,
  regionName,
  canSetStatus,
}: {
  team: TeamEntry;
  regionName: string;
  canSetStatus: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <li
      className={`team-row${team.onDuty ? '' : ' is-off-duty'}`}
      data-testid="team-row"
      data-team-id={team.id}
      data-status={team.status}
    >
      <span className="team-row-main">
        <span className="team-callsign">{team.callsign}</span>
        <TeamStatusBadge status={team.status} />
        <span className="team-meta">
          {regionName}
          {team.onDuty ? '' : ` · ${t.teams.offDuty}`}
          {team.location ? ` · ${formatTime(team.location.at, lang)}` : ''}
        </span>
      </span>
      {canSetStatus ? <TeamStatusMenu teamId={team.id} callsign={team.callsign} status={team.status} /> : null}
    </li>
  );
});

// Who may set a team's status by hand (POST /teams/:id/status); the team's own responders do it from the phone.
const SETS_TEAM_STATUS = new Set(['coordinator', 'supervisor']);

export function TeamBoard({ regionName }: { regionName: (id: string | null) => string }) {
  const { t } = useI18n();
  const canSetStatus = SETS_TEAM_STATUS.has(useUser().role);
  const { map, version } = useEntities('teams');
  const teams = useMemo(
    () =>
      [...map.values()].sort(
        (a, b) =>
          Number(b.onDuty) - Number(a.onDuty) ||
          (ORDER.get(a.status) ?? 0) - (ORDER.get(b.status) ?? 0) ||
          a.callsign.localeCompare(b.callsign),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [map, version],
  );
  const available = teams.filter((x) => x.onDuty && x.status === 'available').length;
  return (
    <section
      className="panel team-panel"
      aria-labelledby="teams-title"
      data-testid="team-board"
      tabIndex={-1}
      id="team-board"
    >
      <h2 id="teams-title" className="panel-title">
        {t.teams.title} <span className="panel-count">{t.teams.count(available, teams.length)}</span>
      </h2>
      {teams.length === 0 ? <p className="empty-note">{t.teams.empty}</p> : null}
      <ul className="team-list">
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} regionName={regionName(team.regionId)} canSetStatus={canSetStatus} />
        ))}
      </ul>
    </section>
  );
}
