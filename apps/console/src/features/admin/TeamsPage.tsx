import { useState } from 'react';
import type { SkillView, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { useRegions } from '../map/use-regions';
import { AdminPage, AdminTable, RowButton, useRegionOptions } from './AdminList';
import { SkillsEditor } from './SkillsEditor';
import { TeamForm } from './TeamForm';
import './admin.css';

/** Teams (admin, supervisor): the list, a form to create or edit one, and for the admin the skill vocabulary. */
export function TeamsPage() {
  const { api, user } = useAuth();
  const { t, lang } = useI18n();
  const { regionName } = useRegions();
  const regionOptions = useRegionOptions();
  const data = useLoad(async () => {
    const [teams, skills] = await Promise.all([api.teams(), api.skills()]);
    return { teams, skills };
  }, 'teams');
  const [editing, setEditing] = useState<TeamView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const skills: SkillView[] = data.data?.skills ?? [];
  const skillLabel = (code: string) => {
    const s = skills.find((k) => k.code === code);
    return s ? (lang === 'ko' ? s.labelKo : s.label) : code;
  };

  return (
    <AdminPage id="teams" title={user?.role === 'admin' ? t.centre.teamsAndSkills : t.centre.teams} notice={notice}>
      <AdminTable
        id="teams"
        title={t.centre.teams}
        loadFailed={Boolean(data.error)}
        newButton={{ label: t.centre.newTeam, testId: 'new-team', onClick: () => setEditing('new') }}
        columns={(['callsign', 'region', 'size', 'skills', 'onDuty', 'actions'] as const).map((k) => t.centre[k])}
      >
        {(data.data?.teams ?? []).map((team) => (
          <tr key={team.id} data-testid={`team-row-${team.callsign}`}>
            <th scope="row">{team.callsign}</th>
            <td>{regionName(team.regionId)}</td>
            <td>{team.size}</td>
            <td>{team.skills.map(skillLabel).join(', ')}</td>
            <td>{team.onDuty ? t.centre.yes : t.centre.no}</td>
            <td>
              <RowButton label={t.centre.edit} name={team.callsign} onClick={() => setEditing(team)} />
            </td>
          </tr>
        ))}
      </AdminTable>
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
    </AdminPage>
  );
}
