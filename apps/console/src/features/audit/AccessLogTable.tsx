import type { AuditRowView } from '#contracts';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { downloadRows } from '../supervisor/csv-download';
import { formatFullDateTime } from '../../common/format';

export const AUDIT_CSV_HEADER = [
  'at',
  'actor',
  'actor_id',
  'role',
  'action',
  'entity_type',
  'entity_id',
  'subject_id',
  'ip',
] as const;

export function auditCsvRow(r: AuditRowView): (string | null)[] {
  return [r.at, r.actor, r.actorId, r.role, r.action, r.entityType, r.entityId, r.subjectId, r.ip];
}

/** The access-log rows: when, who (and role), what, which record, whose, from which address. */
export function AccessLogTable({
  rows,
  loading,
  failed,
}: {
  rows: AuditRowView[] | null;
  loading: boolean;
  failed: boolean;
}) {
  const { t, lang } = useI18n();
  const when = (iso: string) => formatFullDateTime(iso, lang);
  return (
    <section className="panel" aria-labelledby="access-log-results" data-testid="access-log-results">
      <h3 id="access-log-results">
        {t.accessLog.results} {rows ? <span className="panel-count">{t.accessLog.count(rows.length)}</span> : null}
      </h3>
      {failed ? <p role="alert">{t.accessLog.failed}</p> : null}
      {loading && !rows ? <p className="empty-note">{t.accessLog.loading}</p> : null}
      {rows && rows.length === 0 ? <p className="empty-note">{t.accessLog.none}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <DataTable
            caption={t.accessLog.results}
            columns={(['at', 'actor', 'role', 'action', 'record', 'subject', 'ip'] as const).map((k) => t.accessLog[k])}
          >
            {rows.map((r) => (
              <tr
                key={r.id}
                data-testid="audit-row"
                data-action={r.action}
                data-actor-id={r.actorId ?? ''}
                data-subject-id={r.subjectId ?? ''}
              >
                <td>
                  <time dateTime={r.at}>{when(r.at)}</time>
                </td>
                <td>{r.actor}</td>
                <td>{r.role in t.roles ? t.roles[r.role as keyof typeof t.roles] : r.role}</td>
                <td>{r.action}</td>
                <td>
                  {r.entityType}
                  {r.entityId ? ` ${r.entityId}` : ''}
                </td>
                <td>{r.subjectId ?? '—'}</td>
                <td>{r.ip ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
          <ExportButton
            what={t.accessLog.results}
            onClick={() => downloadRows('access-log.csv', AUDIT_CSV_HEADER, rows.map(auditCsvRow))}
            print
          />
        </>
      ) : null}
    </section>
  );
}
