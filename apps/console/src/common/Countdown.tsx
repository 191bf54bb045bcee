import { useI18n } from '../i18n/i18n';
import { useNow } from './clock';
import { formatDuration } from './format';

/** Time left until `to` (or overdue after it), ticking with the shared clock. */
export function Countdown({
  to,
  warnMs = 15 * 60_000,
  expiredText,
}: {
  to: string | null;
  warnMs?: number;
  expiredText?: string;
}) {
  const { t } = useI18n();
  const now = useNow();
  if (!to) return <span className="countdown countdown-none">{t.time.noDeadline}</span>;
  const left = Date.parse(to) - now;
  if (left <= 0) {
    return (
      <span className="countdown countdown-overdue" role="timer">
        <span aria-hidden="true">⚠ </span>
        {expiredText ?? t.time.overdue(formatDuration(left))}
      </span>
    );
  }
  return (
    <span className={left < warnMs ? 'countdown countdown-warn' : 'countdown'} role="timer">
      {t.time.left(formatDuration(left))}
    </span>
  );
}
