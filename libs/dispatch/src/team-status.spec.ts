import { TEAM_STATUSES, type TeamStatus } from '#contracts';
import {
  checkTeamTransition,
  displayedTeamStatus,
  needsCheckins,
  TEAM_TRANSITIONS,
  teamTransition,
  WORKING_TEAM_STATUSES,
  type StoredTeamStatus,
  type TeamStatusActor,
} from './team-status.js';

const STORED = TEAM_STATUSES.filter((s): s is StoredTeamStatus => s !== 'off-duty');
const ACTORS: TeamStatusActor[] = ['team', 'coordinator', 'system'];
const edgesFrom = (from: StoredTeamStatus, actor: TeamStatusActor): StoredTeamStatus[] =>
  TEAM_TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);

// The whole legal set written out independently of the table: every other (from, to, actor) must be refused.
const LEGAL = new Set([
  'available>offered:system',
  'offered>available:system',
  'offered>en-route:system',
  'en-route>on-scene:team',
  'en-route>on-scene:coordinator',
  'en-route>available:coordinator',
  'en-route>unavailable:team',
  'en-route>unavailable:coordinator',
  'on-scene>transporting:team',
  'on-scene>transporting:coordinator',
  'on-scene>available:team',
  'on-scene>available:coordinator',
  'transporting>available:team',
  'transporting>available:coordinator',
  'available>unavailable:team',
  'available>unavailable:coordinator',
  'unavailable>available:team',
  'unavailable>available:coordinator',
]);

describe('team status machine', () => {
  it('allows exactly the legal (from, to, actor) triples and refuses every other one', () => {
    let checked = 0;
    for (const from of STORED) {
      for (const to of STORED) {
        for (const actor of ACTORS) {
          checked++;
          expect([`${from}>${to}:${actor}`, checkTeamTransition(from, to, actor).ok]).toEqual([
            `${from}>${to}:${actor}`,
            LEGAL.has(`${from}>${to}:${actor}`),
          ]);
        }
      }
    }
    expect(checked).toBe(6 * 6 * 3);
  });

  it('says why a change is refused: unchanged, no such edge, or not this actor', () => {
    expect(checkTeamTransition('on-scene', 'on-scene', 'team')).toEqual({ ok: false, reason: 'unchanged' });
    expect(checkTeamTransition('available', 'on-scene', 'team')).toEqual({ ok: false, reason: 'illegal' });
    expect(checkTeamTransition('available', 'en-route', 'coordinator')).toEqual({ ok: false, reason: 'illegal' });
    // A team cannot accept by setting a status: acceptance goes through the offer, which the server applies.
    expect(checkTeamTransition('offered', 'en-route', 'team')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(checkTeamTransition('en-route', 'available', 'team')).toEqual({ ok: false, reason: 'not-allowed' });
    const ok = checkTeamTransition('on-scene', 'available', 'team');
    expect(ok.ok && ok.transition.effect).toBe('clear');
  });

  it('names an effect for every edge, and each edge once', () => {
    const edges = TEAM_TRANSITIONS.map((t) => `${t.from}>${t.to}`);
    expect(new Set(edges).size).toBe(edges.length);
    expect(teamTransition('offered', 'en-route')?.effect).toBe('accept');
    expect(teamTransition('en-route', 'on-scene')?.effect).toBe('arrive');
    expect(teamTransition('en-route', 'available')?.effect).toBe('stand-down');
    expect(teamTransition('en-route', 'unavailable')?.effect).toBe('stand-down');
    expect(teamTransition('transporting', 'available')?.effect).toBe('clear');
    expect(teamTransition('transporting', 'on-scene')).toBeUndefined();
  });

  it('never lets anyone set offered by hand or leave an incident on scene except by clearing or transporting', () => {
    for (const from of STORED) {
      for (const actor of ['team', 'coordinator'] as const) {
        expect(checkTeamTransition(from, 'offered', actor).ok).toBe(false);
      }
    }
    expect(edgesFrom('on-scene', 'team').sort()).toEqual(['available', 'transporting']);
    expect(edgesFrom('offered', 'team')).toEqual([]);
    expect(edgesFrom('offered', 'system').sort()).toEqual(['available', 'en-route']);
  });

  it('shows off-duty for an idle team outside its shift but never hides work', () => {
    const expected: Record<StoredTeamStatus, TeamStatus> = {
      available: 'off-duty',
      unavailable: 'off-duty',
      offered: 'offered',
      'en-route': 'en-route',
      'on-scene': 'on-scene',
      transporting: 'transporting',
    };
    for (const s of STORED) {
      expect(displayedTeamStatus(s, true)).toBe(s);
      expect(displayedTeamStatus(s, false)).toBe(expected[s]);
    }
  });

  it('classifies working and check-in statuses', () => {
    expect(WORKING_TEAM_STATUSES).toEqual(['en-route', 'on-scene', 'transporting']);
    expect(TEAM_STATUSES.filter(needsCheckins)).toEqual(['on-scene', 'transporting']);
  });
});
