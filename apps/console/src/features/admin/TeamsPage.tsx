import { useMemo, useState } from 'react';
import type { SkillView, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useLoad } from '../../common/use-load';
import { useRegions } from '../map/use-regions';
import { SkillsEditor } from './SkillsEditor';
import { TeamForm } from './TeamForm';
import './admin.css';

/** Teams (admin, supervisor): the list, a form to create or edit one, and for the admin the skill vocabulary. */
export function TeamsPage() {
  const { api, user } = useAuth();
  const { t, lang } = useI18n();
  const { regions, regionName } = useRegions();
  const data = useLoad(async () => {
    const [teams, skills] = await Promise.all([api.teams(), api.skills()]);
    return { teams, skills };
  }, 'teams');
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const regionOptions = useMemo(
    () =>
      (regions?.features ?? []).map((f) => ({
        id: String(f.id),
        name: lang === 'ko' ? (f.properties.nameKo ?? f.properties.name) : f.properties.name,
      })),
    [regions, lang],
  );
  const skills: SkillView[] = data.data?.skills ?? [];
  const skillLabel = (code: string) => {
    const s = skills.find((k) => k.code === code);
    return s ? (lang === 'ko' ? s.labelKo : s.label) : code;
  };

  return (
    <div className="admin-page" data-testid="teams-page">
      <h2 className="admin-title">{user?.role === 'admin' ? t.centre.teamsAndSkills : t.centre.teams}</h2>
      {notice ? (
        <p className="notice" role="status" data-testid="teams-notice">
          {notice}
        </p>
      ) : null}
      {data.error ? <FailureNote failure={t.app.error} /> : null}
      <section className="panel" aria-labelledby="teams-title">
        <div className="roster-toolbar">
          <h2 id="teams-title" className="panel-title">
            {t.centre.teams}
          </h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="new-team">
            {t.centre.newTeam}
          </button>
        </div>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.centre.callsign}</th>
              <th scope="col">{t.centre.region}</th>
              <th scope="col">{t.centre.size}</th>
              <th scope="col">{t.centre.skills}</th>
              <th scope="col">{t.centre.onDuty}</th>
              <th scope="col">{t.centre.actions}</th>
            </tr>
          </thead>
          <tbody>
            {(data.data?.teams ?? []).map((team) => (
              <tr key={team.id} data-testid={`team-row-${team.callsign}`}>
                <th scope="row">{team.callsign}</th>
                <td>{regionName(team.regionId)}</td>
                <td>{team.size}</td>
                <td>{team.skills.map(skillLabel).join(', ')}</td>
                <td>{team.onDuty ? t.centre.yes : t.centre.no}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setEditing(team)}>
                    {t.centre.edit} <span className="visually-hidden">{team.callsign}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? null : editing}
          regions={regionOptions}
          skills={skills}
          onCancel={() => setEditing(null)}
          onSaved={(team) => {
            setEditing(null);
            setNotice(t.centre.teamSaved(team.callsign));
            data.reload();
          }}
        />
      ) : null}
      {user?.role === 'admin' && data.data ? <SkillsEditor skills={skills} onSaved={() => data.reload()} /> : null}
    </div>
  );
}
