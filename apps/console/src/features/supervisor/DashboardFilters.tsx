import { useI18n } from '../../i18n/i18n';
import { FilterForm, PeriodFields } from '../../common/FilterForm';
import { categoryChoices } from '../../common/category-choices';
import { SelectField } from '../../common/fields';
import { useRegions } from '../map/use-regions';
import { validPeriod, type DashboardFilters as Filters } from './dashboard-model';

/** Period, region and category of the dashboard; applied on submit so typing a date does not reload every chart. */
export function DashboardFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useI18n();
  const { regions, regionName } = useRegions();
  return (
    <FilterForm
      value={value}
      valid={validPeriod}
      onApply={onApply}
      className="dashboard-filters no-print"
      label={t.dashboard.filters}
      testId="dashboard-filters"
      submitLabel={t.dashboard.apply}
      invalidText={t.dashboard.invalidPeriod}
      invalidClassName="form-error"
    >
      {(draft, edit) => (
        <>
          <PeriodFields
            fromLabel={t.dashboard.from}
            toLabel={t.dashboard.to}
            fromDate={draft.fromDate}
            toDate={draft.toDate}
            onChange={edit}
          />
          <label>
            {t.dashboard.region}
            <select name="regionId" value={draft.regionId} onChange={(e) => edit({ regionId: e.target.value })}>
              <option value="">{t.dashboard.allRegions}</option>
              {(regions?.features ?? []).map((f) => (
                <option key={String(f.id)} value={String(f.id)}>
                  {regionName(String(f.id))}
                </option>
              ))}
            </select>
          </label>
          <SelectField
            label={t.dashboard.category}
            frame="plain"
            name="category"
            value={draft.category}
            onValue={(v) => edit({ category: v as Filters['category'] })}
            options={categoryChoices(t)}
            blank={t.dashboard.allCategories}
          />
        </>
      )}
    </FilterForm>
  );
}
