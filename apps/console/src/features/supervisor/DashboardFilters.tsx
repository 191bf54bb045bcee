import { useI18n } from '../../i18n/i18n';
import { PeriodFilterForm } from '../../common/PeriodFilterForm';
import { categoryChoices } from '../../common/category-choices';
import { SelectField } from '../../common/fields';
import { useRegions } from '../map/use-regions';
import { validPeriod, type DashboardFilters as Filters } from './dashboard-model';

/** Period, region and category of the dashboard; applied on submit so typing a date does not reload every chart. */
export function DashboardFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const w = t.dashboard;
  const { regions, regionName } = useRegions();
  return (
    <PeriodFilterForm
      value={value}
      valid={validPeriod}
      onApply={onApply}
      className="dashboard-filters no-print"
      testId="dashboard-filters"
      words={{
        filters: w.filters,
        from: w.from,
        to: w.to,
        submit: w.apply,
        invalid: w.invalidPeriod,
        invalidPeriod: w.invalidPeriod,
      }}
      invalidClassName="form-error"
      fields={(draft, edit, period) => (
        <>
          {period}
          <label>
            {w.region}
            <select name="regionId" value={draft.regionId} onChange={(e) => edit({ regionId: e.target.value })}>
              <option value="">{w.allRegions}</option>
              {(regions?.features ?? []).map((f) => (
                <option key={String(f.id)} value={String(f.id)}>
                  {regionName(String(f.id))}
                </option>
              ))}
            </select>
          </label>
          <SelectField
            label={w.category}
            frame="plain"
            name="category"
            value={draft.category}
            onValue={(v) => edit({ category: v as Filters['category'] })}
            options={categoryChoices(t)}
            blank={w.allCategories}
          />
        </>
      )}
    />
  );
}
