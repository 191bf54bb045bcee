import { useI18n } from '../../i18n/i18n';
import { FilterForm, PeriodFields } from '../../common/FilterForm';
import { validId, type AuditFilters } from './access-log-model';

export function AccessLogFilters({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useI18n();
  const idInput = (name: 'subjectId' | 'actorId', id: string, onId: (id: string) => void) => (
    <label>
      {t.accessLog[name]}
      <input name={name} value={id} size={38} spellCheck={false} onChange={(e) => onId(e.target.value)} />
    </label>
  );
  return (
    <FilterForm
      value={value}
      valid={(d) => validId(d.subjectId) && validId(d.actorId) && d.fromDate <= d.toDate}
      onApply={onApply}
      className="access-log-filters"
      label={t.accessLog.filters}
      testId="access-log-filters"
      submitLabel={t.accessLog.search}
      invalidText={t.accessLog.invalidId}
    >
      {(draft, edit) => (
        <>
          {idInput('subjectId', draft.subjectId, (subjectId) => edit({ subjectId }))}
          {idInput('actorId', draft.actorId, (actorId) => edit({ actorId }))}
          <PeriodFields
            fromLabel={t.accessLog.from}
            toLabel={t.accessLog.to}
            fromDate={draft.fromDate}
            toDate={draft.toDate}
            onChange={edit}
          />
        </>
      )}
    </FilterForm>
  );
}
