import { memo, useMemo } from 'react';
import { TEAM_STATUSES } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import type { TeamEntry } from '../../realtime/event-store';
import { useEntities } from '../../realtime/realtime';
import { TeamStatusBadge } from '../../shared/badges';
import { formatTime } from '../../shared/format';

const ORDER = new Map(TEAM_STATUSES.map((s, i) => [s, i]));

const TeamRow = memo(function TeamRow({ team, regionName }: { team: TeamEntry; regionName: string }) {
  const { t, lang } = useI18n();
  return (
    <li className={`team-row${team.onDuty ? '' : ' is-off-duty'}`} data-testid="team-row" data-team-id={team.id} data-status={team.status}>
      <span className="team-callsign">{team.callsign}</span>
      <TeamStatusBadge status={team.status} />
      <span className="team-meta">
        {regionName}
        {team.onDuty ? '' : ` · ${t.teams.offDuty}`}
        {team.location ? ` · ${formatTime(team.location.at, lang)}` : ''}
      </span>
    </li>
  );
});

export function TeamBoard({ regionName }: { regionName: (id: string | null) => string }) {
  const { t } = useI18n();
  const { map, version } = useEntities('teams');
  const teams = useMemo(
    () =>
      [...map.values()].sort(
        (a, b) => Number(b.onDuty) - Number(a.onDuty) || (ORDER.get(a.status) ?? 0) - (ORDER.get(b.status) ?? 0) || a.callsign.localeCompare(b.callsign),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is what changes; the map is mutated in place
    [map, version],
  );
  const available = teams.filter((x) => x.onDuty && x.status === 'available').length;
  return (
    <section className="panel team-panel" aria-labelledby="teams-title" data-testid="team-board" tabIndex={-1} id="team-board">
      <h2 id="teams-title" className="panel-title">
        {t.teams.title} <span className="panel-count">{t.teams.count(available, teams.length)}</span>
      </h2>
      {teams.length === 0 ? <p className="empty-note">{t.teams.empty}</p> : null}
      <ul className="team-list">
        {teams.map((team) => (
          <TeamRow key={team.id} team={team} regionName={regionName(team.regionId)} />
        ))}
      </ul>
    </section>
  );
}
