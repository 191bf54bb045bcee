import { useI18n } from '../i18n/i18n';
import { useRealtime } from '../realtime/realtime';
import { formatTime } from './format';

/** Never silently stale: shown whenever the live connection is down. */
export function ConnectionBanner() {
  const { t, lang } = useI18n();
  const { status, lastEventAt } = useRealtime();
  if (status !== 'offline') return null;
  const last = lastEventAt();
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <span aria-hidden="true">⚠ </span>
      {t.connection.disconnected} {last ? t.connection.lastEvent(formatTime(new Date(last).toISOString(), lang)) : ''}
    </div>
  );
}
