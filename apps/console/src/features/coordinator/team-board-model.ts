import { TEAM_STATUSES, type TeamStatus } from '#contracts';
import type { TeamEntry } from '../../realtime/event-store';

const STATUS_ORDER = new Map<TeamStatus, number>(TEAM_STATUSES.map((s, i) => [s, i]));
// One collator instead of localeCompare per comparison: the same order, without looking the locale up each time.
const CALLSIGNS = new Intl.Collator();

/** Where a team stands on the board: on duty first, then by status, then by call sign. */
export interface TeamBoardKey {
  onDuty: boolean;
  status: number;
  callsign: string;
}

export function teamBoardKey(team: TeamEntry): TeamBoardKey {
  return { onDuty: team.onDuty, status: STATUS_ORDER.get(team.status) ?? 0, callsign: team.callsign };
}

export function compareTeamBoardKeys(a: TeamBoardKey, b: TeamBoardKey): number {
  return Number(b.onDuty) - Number(a.onDuty) || a.status - b.status || CALLSIGNS.compare(a.callsign, b.callsign);
}

/** On-duty teams that are available, for the board's heading. */
export function availableTeams(teams: ReadonlyMap<string, TeamEntry>): number {
  let n = 0;
  for (const team of teams.values()) if (team.onDuty && team.status === 'available') n += 1;
  return n;
}
