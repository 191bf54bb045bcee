import { useState, type FormEvent } from 'react';
import { CATEGORIES } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { useRegions } from '../map/use-regions';
import { validPeriod, type DashboardFilters as Filters } from './dashboard-model';

/** Period, region and category of the dashboard; applied on submit so typing a date does not reload every chart. */
export function DashboardFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const { regions, regionName } = useRegions();
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = validPeriod(draft);
    setInvalid(!ok);
    if (ok) onApply(draft);
  };
  return (
    <form
      className="dashboard-filters no-print"
      onSubmit={submit}
      aria-label={t.dashboard.filters}
      data-testid="dashboard-filters"
    >
      <label>
        {t.dashboard.from}
        <input
          type="date"
          name="from"
          value={draft.fromDate}
          required
          onChange={(e) => setDraft({ ...draft, fromDate: e.target.value })}
        />
      </label>
      <label>
        {t.dashboard.to}
        <input
          type="date"
          name="to"
          value={draft.toDate}
          required
          onChange={(e) => setDraft({ ...draft, toDate: e.target.value })}
        />
      </label>
      <label>
        {t.dashboard.region}
        <select
          name="regionId"
          value={draft.regionId}
          onChange={(e) => setDraft({ ...draft, regionId: e.target.value })}
        >
          <option value="">{t.dashboard.allRegions}</option>
          {(regions?.features ?? []).map((f) => (
            <option key={String(f.id)} value={String(f.id)}>
              {regionName(String(f.id))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.dashboard.category}
        <select
          name="category"
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value as Filters['category'] })}
        >
          <option value="">{t.dashboard.allCategories}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c} · {t.category[c]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary">
        {t.dashboard.apply}
      </button>
      {invalid ? (
        <p role="alert" className="form-error">
          {t.dashboard.invalidPeriod}
        </p>
      ) : null}
    </form>
  );
}
