import type { UnusualAccessReport } from '#contracts';
import { DataTable, ExportButton } from '../../common/DataTable';
import { useI18n } from '../../i18n/i18n';
import { downloadRows } from '../supervisor/csv-download';
import { AUDIT_CSV_HEADER, auditCsvRow } from './AccessLogTable';
import { formatFullDateTime } from '../../common/format';

/** Reads of a person's record with no call or incident behind them, or outside the reader's shift. */
export function UnusualAccessList({
  report,
  failed,
  onShowPerson,
}: {
  report: UnusualAccessReport | null;
  failed: boolean;
  onShowPerson: (subjectId: string) => void;
}) {
  const { t, lang } = useI18n();
  const when = (iso: string) => formatFullDateTime(iso, lang);
  const rows = report?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="unusual-access-title" data-testid="unusual-access">
      <h3 id="unusual-access-title">
        {t.accessLog.unusual} {report ? <span className="panel-count">{t.accessLog.count(rows.length)}</span> : null}
      </h3>
      <p>{t.accessLog.unusualHint}</p>
      {failed ? <p role="alert">{t.accessLog.failed}</p> : null}
      {report && rows.length === 0 ? <p className="empty-note">{t.accessLog.none}</p> : null}
      {rows.length > 0 ? (
        <>
          <DataTable
            caption={t.accessLog.unusual}
            columns={(['at', 'actor', 'action', 'subject', 'ip', 'reasons'] as const).map((k) => t.accessLog[k])}
          >
            {rows.map((r) => (
              <tr
                key={r.id}
                className="unusual-row"
                data-testid="unusual-row"
                data-actor-id={r.actorId ?? ''}
                data-subject-id={r.subjectId ?? ''}
                data-reasons={r.reasons.join(' ')}
              >
                <td>
                  <time dateTime={r.at}>{when(r.at)}</time>
                </td>
                <td>{r.actor}</td>
                <td>{r.action}</td>
                <td>
                  {r.subjectId ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => onShowPerson(r.subjectId!)}
                      aria-label={`${t.accessLog.showPerson}: ${r.subjectId}`}
                    >
                      {t.accessLog.showPerson}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{r.ip ?? '—'}</td>
                <td>
                  <ul className="plain-list">
                    {r.reasons.map((reason) => (
                      <li key={reason}>⚠ {t.accessLog.reasonLabels[reason]}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
          <ExportButton
            what={t.accessLog.unusual}
            print
            onClick={() =>
              downloadRows(
                'unusual-access.csv',
                [...AUDIT_CSV_HEADER, 'reasons'],
                rows.map((r) => [...auditCsvRow(r), r.reasons.join(' ')]),
              )
            }
          />
        </>
      ) : null}
    </section>
  );
}
