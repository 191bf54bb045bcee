import { describe, expect, it } from '@jest/globals';
import type { TeamEntry } from '../../realtime/event-store';
import { availableTeams, compareTeamBoardKeys, teamBoardKey } from './team-board-model';

function team(id: string, patch: Partial<TeamEntry>): TeamEntry {
  return {
    id,
    callsign: id.toUpperCase(),
    regionId: 'r1',
    status: 'available',
    location: null,
    onDuty: true,
    seq: 1,
    ...patch,
  };
}

describe('team board order', () => {
  const teams = [
    team('m-2', { status: 'en-route' }),
    team('off', { onDuty: false }),
    team('m-10', {}),
    team('m-1', {}),
  ];

  it('lists teams on duty first, then by status, then by call sign', () => {
    const order = teams
      .map((t) => ({ id: t.id, key: teamBoardKey(t) }))
      .sort((a, b) => compareTeamBoardKeys(a.key, b.key))
      .map((t) => t.id);
    expect(order).toEqual(['m-1', 'm-10', 'm-2', 'off']);
  });

  it('counts the on-duty teams that are available', () => {
    expect(availableTeams(new Map(teams.map((t) => [t.id, t])))).toBe(2);
  });
});
