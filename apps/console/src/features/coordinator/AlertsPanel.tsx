import { useMemo, useState } from 'react';
import type { AlertSeverity } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities, useStore } from '../../realtime/realtime';
import { SeverityBadge } from '../../common/badges';
import { formatTime } from '../../common/format';
import { isOpenAlert } from './open-alerts';

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Open alerts, the most severe and newest first: expired offers, SLA breaches, missed check-ins, panic. */
export function AlertsPanel({ onShowIncident }: { onShowIncident: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { api } = useAuth();
  const store = useStore();
  const { map, version } = useEntities('alerts');
  const { map: incidents, version: incidentVersion } = useEntities('incidents');
  const [busy, setBusy] = useState<string | null>(null);
  const alerts = useMemo(
    () =>
      [...map.values()]
        .filter((a) => isOpenAlert(a, (id) => incidents.get(id)?.status))
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.raisedAt.localeCompare(a.raisedAt)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [map, version, incidents, incidentVersion],
  );

  const ack = async (id: string) => {
    setBusy(id);
    try {
      store.acknowledgeAlert(await api.ackAlert(id));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      className="panel alerts-panel"
      aria-labelledby="alerts-title"
      data-testid="alerts-panel"
      tabIndex={-1}
      id="alerts-panel"
    >
      <h2 id="alerts-title" className="panel-title">
        {t.alerts.title} <span className="panel-count">{alerts.length}</span>
      </h2>
      {alerts.length === 0 ? <p className="empty-note">{t.alerts.empty}</p> : null}
      <ul className="alert-list" aria-live="polite">
        {alerts.map((a) => (
          <li
            key={a.id}
            className={`alert-row severity-${a.severity}`}
            data-testid="alert-row"
            data-kind={a.kind}
            data-alert-id={a.id}
          >
            <div className="alert-head">
              <SeverityBadge severity={a.severity} />
              <strong>{t.alertKind[a.kind]}</strong>
              <span className="alert-time">{formatTime(a.raisedAt, lang)}</span>
            </div>
            <p className="alert-message">
              {a.teamId && store.teams.get(a.teamId) ? `${store.teams.get(a.teamId)?.callsign}: ` : ''}
              {a.message}
            </p>
            <div className="row-actions">
              {a.incidentId ? (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => a.incidentId && onShowIncident(a.incidentId)}
                >
                  {t.alerts.show}
                </button>
              ) : null}
              <button type="button" className="btn btn-small" disabled={busy === a.id} onClick={() => void ack(a.id)}>
                {t.alerts.ack}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
