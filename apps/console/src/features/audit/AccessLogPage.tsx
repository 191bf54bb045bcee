import { useMemo, useState } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import '../supervisor/dashboard.css';
import { AccessLogFilters } from './AccessLogFilters';
import { AccessLogTable } from './AccessLogTable';
import { auditQuery, defaultAuditFilters, type AuditFilters } from './access-log-model';
import { UnusualAccessList } from './UnusualAccessList';

/**
 * The PIPA access-log review: who read a person's record, when and from where (GET /audit), and the reads that
 * deserve a look (GET /audit/unusual). Every search is itself recorded by the server.
 */
export function AccessLogPage() {
  const { t } = useI18n();
  const { api } = useAuth();
  const [filters, setFilters] = useState<AuditFilters>(() => defaultAuditFilters(new Date()));
  const query = useMemo(() => auditQuery(filters), [filters]);
  const rows = useLoad((signal) => api.audit(query, signal), query);
  const periodQuery = useMemo(() => auditQuery({ ...filters, subjectId: '', actorId: '' }), [filters]);
  const unusual = useLoad((signal) => api.unusualAccess(periodQuery, signal), periodQuery);
  return (
    <div className="access-log" data-testid="access-log">
      <h2>{t.accessLog.title}</h2>
      <p className="empty-note">{t.accessLog.reviewNote}</p>
      <AccessLogFilters key={query} value={filters} onApply={setFilters} />
      <AccessLogTable rows={rows.data} loading={rows.loading} failed={Boolean(rows.error)} />
      <UnusualAccessList
        report={unusual.data}
        failed={Boolean(unusual.error)}
        onShowPerson={(subjectId) => setFilters({ ...filters, subjectId, actorId: '' })}
      />
    </div>
  );
}
