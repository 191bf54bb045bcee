import { useState, type FormEvent } from 'react';
import type { LatLng, SkillView, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField, useFieldValues } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { AdminForm } from './AdminList';
import { CheckboxGroup, MapPointField } from './MapPointField';

export interface RegionOption {
  id: string;
  name: string;
}

// An emptied size box reads as one person, the smallest team, rather than as nothing.
const teamSize = (raw: string) => Number(raw) || 1;

/** Creates a team or edits one: callsign, home region, regions it also covers, base on the map, size, skills. */
export function TeamForm({
  team,
  regions,
  skills,
  onSaved,
  onCancel,
}: {
  team: TeamView | null;
  regions: RegionOption[];
  skills: SkillView[];
  onSaved: (t: TeamView) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { values, bind } = useFieldValues({
    callsign: team?.callsign ?? '',
    regionId: team?.regionId ?? regions[0]?.id ?? '',
    size: team?.size ?? 2,
  });
  const [covered, setCovered] = useState<string[]>(team?.coveredRegionIds ?? []);
  const [base, setBase] = useState<LatLng | null>(team?.base ?? null);
  const [teamSkills, setTeamSkills] = useState<string[]>(team?.skills ?? []);
  const { busy, failure, run, showFailure } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!base) return showFailure(t.centre.baseRequired);
    const { callsign, regionId, size } = values;
    const body = {
      callsign: callsign.trim(),
      regionId,
      coveredRegionIds: covered.filter((id) => id !== regionId),
      base,
      size,
      skills: teamSkills,
    };
    void run(async () => onSaved(team ? await api.patchTeam(team.id, body) : await api.createTeam(body)));
  };

  return (
    <AdminForm
      id="team-form"
      title={team ? t.centre.editTeam(team.callsign) : t.centre.newTeam}
      onSubmit={submit}
      busy={busy}
      failure={failure}
      submitLabel={team ? t.app.save : t.centre.createTeam}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <TextField label={t.centre.callsign} {...bind('callsign')} maxLength={32} required />
        <SelectField
          label={t.centre.region}
          {...bind('regionId')}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
          required
        />
        <TextField label={t.centre.size} {...bind('size', teamSize)} type="number" min={1} max={20} required />
      </div>
      <CheckboxGroup
        name="skills"
        legend={t.centre.skills}
        options={skills.map((s) => ({ value: s.code, label: lang === 'ko' ? s.labelKo : s.label }))}
        value={teamSkills}
        onChange={setTeamSkills}
      />
      <CheckboxGroup
        name="covered"
        legend={t.centre.alsoCovers}
        options={regions.filter((r) => r.id !== values.regionId).map((r) => ({ value: r.id, label: r.name }))}
        value={covered}
        onChange={setCovered}
      />
      <MapPointField legend={t.centre.base} value={base} onChange={setBase} />
    </AdminForm>
  );
}
