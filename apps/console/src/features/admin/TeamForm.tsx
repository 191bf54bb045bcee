import { useState, type FormEvent } from 'react';
import type { LatLng, SkillView, TeamView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { CheckboxGroup, MapPointField } from './MapPointField';

export interface RegionOption {
  id: string;
  name: string;
}

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
  const [callsign, setCallsign] = useState(team?.callsign ?? '');
  const [regionId, setRegionId] = useState(team?.regionId ?? regions[0]?.id ?? '');
  const [covered, setCovered] = useState<string[]>(team?.coveredRegionIds ?? []);
  const [base, setBase] = useState<LatLng | null>(team?.base ?? null);
  const [size, setSize] = useState(team?.size ?? 2);
  const [teamSkills, setTeamSkills] = useState<string[]>(team?.skills ?? []);
  const { busy, failure, run, showFailure } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!base) return showFailure(t.centre.baseRequired);
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
    <form className="panel admin-form" onSubmit={submit} aria-labelledby="team-form-title" data-testid="team-form">
      <h2 id="team-form-title" className="panel-title">
        {team ? t.centre.editTeam(team.callsign) : t.centre.newTeam}
      </h2>
      <div className="form-grid">
        <label className="field">
          <span>{t.centre.callsign}</span>
          <input
            name="callsign"
            value={callsign}
            onChange={(e) => setCallsign(e.target.value)}
            maxLength={32}
            required
          />
        </label>
        <label className="field">
          <span>{t.centre.region}</span>
          <select name="regionId" value={regionId} onChange={(e) => setRegionId(e.target.value)} required>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.centre.size}</span>
          <input
            name="size"
            type="number"
            min={1}
            max={20}
            value={size}
            onChange={(e) => setSize(Number(e.target.value) || 1)}
            required
          />
        </label>
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
        options={regions.filter((r) => r.id !== regionId).map((r) => ({ value: r.id, label: r.name }))}
        value={covered}
        onChange={setCovered}
      />
      <MapPointField legend={t.centre.base} value={base} onChange={setBase} />
      <FailureNote failure={failure} testId="team-form-failure" />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {team ? t.app.save : t.centre.createTeam}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
