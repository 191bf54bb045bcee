import { INCIDENT_MILESTONES, statusChangeSet, type IncidentStatusChange } from './incidents.repository.js';

describe('statusChangeSet', () => {
  it('sets only the status when nothing else changes', () => {
    expect(statusChangeSet({})).toEqual({ set: 'status = $2', params: [] });
  });

  it('keeps a milestone already stamped, and numbers its parameters from $4', () => {
    const at = '2026-12-01T03:00:00.000Z';
    expect(statusChangeSet({ milestones: { accepted_at: at, en_route_at: at }, teamId: 'team-1' })).toEqual({
      set:
        'status = $2, accepted_at = coalesce(accepted_at, $4::timestamptz), ' +
        'en_route_at = coalesce(en_route_at, $5::timestamptz), team_id = $6::uuid',
      params: [at, at, 'team-1'],
    });
  });

  it('releases the team with a null parameter, and closes with the time and the disposition as parameters', () => {
    expect(statusChangeSet({ teamId: null })).toEqual({ set: 'status = $2, team_id = $4::uuid', params: [null] });
    const closed = statusChangeSet({ closed: { at: '2026-12-01T04:00:00.000Z', disposition: "O'Brien; DROP TABLE" } });
    expect(closed.set).toBe('status = $2, closed_at = $4::timestamptz, disposition = $5');
    expect(closed.params).toEqual(['2026-12-01T04:00:00.000Z', "O'Brien; DROP TABLE"]);
  });

  it('writes no column a caller names outside the milestone list', () => {
    const sneaky = { milestones: { 'status = $2, team_id': 'x', on_scene_at: 't' } } as unknown as IncidentStatusChange;
    const { set, params } = statusChangeSet(sneaky);
    expect(set).toBe('status = $2, on_scene_at = coalesce(on_scene_at, $4::timestamptz)');
    expect(params).toEqual(['t']);
    for (const column of INCIDENT_MILESTONES) expect(column).toMatch(/^[a-z_]+$/);
  });
});
