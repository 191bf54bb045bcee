import { memo } from 'react';
import { useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';
import { useEntitiesValue, useSortedIds } from '../../realtime/use-sorted-ids';
import { TeamStatusBadge } from '../../common/badges';
import { formatTime } from '../../common/format';
import { TeamStatusMenu } from './TeamStatusMenu';
import { availableTeams, compareTeamBoardKeys, teamBoardKey } from './team-board-model';

// Each row follows its own team in the store: a team that moves re-renders its row only, and the board re-renders
// when a team changes place on it (status, duty) (issue 12: the whole board re-rendered on every update).
const TeamRow = memo(function TeamRow({
  id,
  regionName,
  canSetStatus,
}: {
  id: string;
  regionName: (id: string | null) => string;
  canSetStatus: boolean;
}) {
  const { t, lang } = useI18n();
  const team = useEntry('teams', id);
  if (!team) return null;
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
          {regionName(team.regionId)}
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
  const { shown, total } = useSortedIds('teams', teamBoardKey, compareTeamBoardKeys);
  const available = useEntitiesValue('teams', availableTeams);
  return (
    <section
      className="panel team-panel"
      aria-labelledby="teams-title"
      data-testid="team-board"
      tabIndex={-1}
      id="team-board"
    >
      <h2 id="teams-title" className="panel-title">
        {t.teams.title} <span className="panel-count">{t.teams.count(available, total)}</span>
      </h2>
      {total === 0 ? <p className="empty-note">{t.teams.empty}</p> : null}
      <ul className="team-list">
        {shown.map((id) => (
          <TeamRow key={id} id={id} regionName={regionName} canSetStatus={canSetStatus} />
        ))}
      </ul>
    </section>
  );
}
