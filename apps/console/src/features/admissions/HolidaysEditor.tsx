import { useMemo, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useI18n } from '../../i18n/i18n';
import './admissions.css';

/** The admin's holiday calendar: the days besides Sundays that the Art. 50 clock skips. Saved as a whole. */
export function HolidaysEditor() {
  const { api } = useAuth();
  const { t } = useI18n();
  const loaded = useLoad((signal) => api.holidays(signal), 'holidays');
  const [days, setDays] = useState<string[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [newDay, setNewDay] = useState('');
  const { busy, failure, run } = useAction();

  // The calendar as loaded until the admin edits or saves it; then this screen's own copy.
  const all = useMemo(() => days ?? loaded.data ?? [], [days, loaded.data]);
  const years = useMemo(() => [...new Set([...all.map((d) => d.slice(0, 4)), year])].sort(), [all, year]);
  const shown = all.filter((d) => d.startsWith(`${year}-`));

  const change = (next: string[]) => {
    setDays([...new Set(next)].sort());
    setDirty(true);
    setSaved(false);
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDay)) return;
    change([...all, newDay]);
    setYear(newDay.slice(0, 4));
    setNewDay('');
  };
  const save = () =>
    void run(async () => {
      setDays(await api.saveHolidays(all));
      setDirty(false);
      setSaved(true);
    });

  return (
    <section className="work-page" aria-labelledby="holidays-title" data-testid="holidays-editor">
      <h2 id="holidays-title">{t.holidays.title}</h2>
      <p className="hint">{t.holidays.intro}</p>
      <div className="inline-form">
        <label className="field">
          <span>{t.holidays.year}</span>
          <select value={year} onChange={(e) => setYear(e.target.value)} name="year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <form className="inline-form" onSubmit={add}>
          <label className="field">
            <span>{t.holidays.date}</span>
            <input type="date" value={newDay} onChange={(e) => setNewDay(e.target.value)} required name="day" />
          </label>
          <button type="submit" className="btn">
            {t.holidays.add}
          </button>
        </form>
      </div>
      <p>
        <strong>{year}</strong> · {t.holidays.count(shown.length)}
        {dirty ? ` · ${t.holidays.unsaved}` : ''}
      </p>
      {shown.length === 0 && (days ?? loaded.data) ? <p className="empty-note">{t.holidays.empty}</p> : null}
      <ul className="holiday-list" data-testid="holiday-list">
        {shown.map((d) => (
          <li key={d} data-day={d}>
            <time dateTime={d}>{d}</time>
            <button
              type="button"
              className="btn btn-quiet"
              aria-label={t.holidays.removeLabel(d)}
              onClick={() => change(all.filter((x) => x !== d))}
            >
              {t.holidays.remove}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-primary" onClick={save} disabled={busy || !dirty || days === null}>
        {t.holidays.save}
      </button>
      {saved ? (
        <p role="status" data-testid="holidays-saved">
          {t.holidays.saved}
        </p>
      ) : null}
      <FailureNote failure={failure} />
    </section>
  );
}
