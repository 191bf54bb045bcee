import { useI18n } from '../../i18n/i18n';
import { PeriodFilterForm } from '../../common/PeriodFilterForm';
import { validId, type AuditFilters } from './access-log-model';

export function AccessLogFilters({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useI18n();
  const w = t.accessLog;
  const idInput = (name: 'subjectId' | 'actorId', id: string, onId: (id: string) => void) => (
    <label>
      {w[name]}
      <input name={name} value={id} size={38} spellCheck={false} onChange={(e) => onId(e.target.value)} />
    </label>
  );
  return (
    <PeriodFilterForm
      value={value}
      valid={(d) => validId(d.subjectId) && validId(d.actorId)}
      onApply={onApply}
      className="access-log-filters"
      testId="access-log-filters"
      words={{
        filters: w.filters,
        from: w.from,
        to: w.to,
        submit: w.search,
        invalid: w.invalidId,
        invalidPeriod: t.dashboard.invalidPeriod,
      }}
      fields={(draft, edit, period) => (
        <>
          {idInput('subjectId', draft.subjectId, (subjectId) => edit({ subjectId }))}
          {idInput('actorId', draft.actorId, (actorId) => edit({ actorId }))}
          {period}
        </>
      )}
    />
  );
}
