import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { validId, type AuditFilters } from './access-log-model';

export function AccessLogFilters({ value, onApply }: { value: AuditFilters; onApply: (f: AuditFilters) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = validId(draft.subjectId) && validId(draft.actorId) && draft.fromDate <= draft.toDate;
    setInvalid(!ok);
    if (ok) onApply(draft);
  };
  return (
    <form
      className="access-log-filters"
      onSubmit={submit}
      aria-label={t.accessLog.filters}
      data-testid="access-log-filters"
    >
      <label>
        {t.accessLog.subjectId}
        <input
          name="subjectId"
          value={draft.subjectId}
          size={38}
          spellCheck={false}
          onChange={(e) => setDraft({ ...draft, subjectId: e.target.value })}
        />
      </label>
      <label>
        {t.accessLog.actorId}
        <input
          name="actorId"
          value={draft.actorId}
          size={38}
          spellCheck={false}
          onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}
        />
      </label>
      <label>
        {t.accessLog.from}
        <input
          type="date"
          name="from"
          value={draft.fromDate}
          required
          onChange={(e) => setDraft({ ...draft, fromDate: e.target.value })}
        />
      </label>
      <label>
        {t.accessLog.to}
        <input
          type="date"
          name="to"
          value={draft.toDate}
          required
          onChange={(e) => setDraft({ ...draft, toDate: e.target.value })}
        />
      </label>
      <button type="submit" className="btn btn-primary">
        {t.accessLog.search}
      </button>
      {invalid ? <p role="alert">{t.accessLog.invalidId}</p> : null}
    </form>
  );
}
