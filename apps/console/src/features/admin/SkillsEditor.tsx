import { useState, type FormEvent } from 'react';
import type { SkillView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { TableHead } from '../../common/TableHead';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';

/** The centre's skill vocabulary (admin): edit labels, add a code, remove one no team carries. Saved whole (PUT /skills). */
export function SkillsEditor({ skills, onSaved }: { skills: SkillView[]; onSaved: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [rows, setRows] = useState<SkillView[]>(skills);
  const [saved, setSaved] = useState(false);
  const { busy, failure, run } = useAction();
  const set = (i: number, patch: Partial<SkillView>) => {
    setSaved(false);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      setRows(
        await api.putSkills(
          rows.map((r) => ({ code: r.code.trim(), label: r.label.trim(), labelKo: r.labelKo.trim() })),
        ),
      );
      setSaved(true);
      onSaved();
    });
  };

  return (
    <form className="panel admin-form" onSubmit={submit} aria-labelledby="skills-title" data-testid="skills-editor">
      <h2 id="skills-title" className="panel-title">
        {t.centre.skillVocabulary}
      </h2>
      <p className="hint">{t.centre.skillsHint}</p>
      <table className="admin-table">
        <TableHead columns={[t.centre.skillCode, t.centre.labelEn, t.centre.labelKo, t.centre.actions]} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={t.centre.skillCodeOf(i + 1)}
                  value={r.code}
                  onChange={(e) => set(i, { code: e.target.value })}
                  pattern="[a-z][a-z0-9\-]{1,39}"
                  required
                />
              </td>
              <td>
                <input
                  aria-label={t.centre.labelEnOf(i + 1)}
                  value={r.label}
                  onChange={(e) => set(i, { label: e.target.value })}
                  maxLength={60}
                  required
                />
              </td>
              <td>
                <input
                  aria-label={t.centre.labelKoOf(i + 1)}
                  value={r.labelKo}
                  onChange={(e) => set(i, { labelKo: e.target.value })}
                  maxLength={60}
                  required
                />
              </td>
              <td>
                <button type="button" className="btn btn-small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                  {t.centre.remove} <span className="visually-hidden">{r.code}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FailureNote failure={failure} testId="skills-failure" />
      {saved ? (
        <p className="notice" role="status">
          {t.centre.skillsSaved}
        </p>
      ) : null}
      <div className="row-actions">
        <button
          type="button"
          className="btn"
          onClick={() => setRows([...rows, { code: '', label: '', labelKo: '' }])}
          data-testid="add-skill"
        >
          {t.centre.addSkill}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.centre.saveSkills}
        </button>
      </div>
    </form>
  );
}
