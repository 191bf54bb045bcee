import type { ReactNode } from 'react';
import type { EmergencyAdmissionView } from '#contracts';
import { useConfig } from '../../app/config';
import { useNow } from '../../common/clock';
import { formatDuration } from '../../common/format';
import { useI18n } from '../../i18n/i18n';
import { formatStamp } from './use-admissions';

/** Warn in the last 12 hours: the `admission-expiring` alert's window. */
const WARN_MS = 12 * 3600_000;

/** One emergency admission: its running clock to `endsAt`, the guardian-notice task and, once ended, the outcome. */
export function AdmissionCard({
  admission: a,
  showIncident,
  children,
}: {
  admission: EmergencyAdmissionView;
  showIncident?: boolean;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const now = useNow();
  // The legal clock is read in the centre's time zone, whatever the browser's is set to.
  const tz = useConfig().centreTimezone;
  const stamp = (iso: string | null | undefined) => formatStamp(iso, lang, tz);
  const left = Date.parse(a.endsAt) - now;
  const notice = a.guardianNotice;
  const clockClass =
    left <= 0 ? 'countdown countdown-overdue' : left < WARN_MS ? 'countdown countdown-warn' : 'countdown';
  return (
    <article
      className="admission-card"
      data-testid="admission-card"
      data-admission-id={a.id}
      data-status={a.status}
      aria-label={`${t.admissions.title} · ${a.incidentNumber}`}
    >
      <dl className="facts">
        {showIncident ? (
          <>
            <dt>{t.admissions.incident}</dt>
            <dd>{a.incidentNumber}</dd>
          </>
        ) : null}
        <dt>{t.admissions.hospital}</dt>
        <dd>
          {a.hospitalName} · {t.admissions.escort(a.escort)}
        </dd>
        <dt>{t.admissions.admittedAt}</dt>
        <dd>
          <time dateTime={a.admittedAt}>{stamp(a.admittedAt)}</time>
        </dd>
        <dt>{t.admissions.endsAt}</dt>
        <dd>
          <time dateTime={a.endsAt} data-testid="admission-ends-at">
            {stamp(a.endsAt)}
          </time>
        </dd>
        <dt>{t.admissions.clock}</dt>
        <dd data-testid="admission-clock">
          {a.status === 'ended' ? (
            t.admissions.endedWith(a.outcome ? t.admissions.outcome[a.outcome] : '', stamp(a.endedAt))
          ) : (
            <span className={clockClass} role="timer">
              {left > 0 ? t.admissions.left(formatDuration(left)) : t.admissions.pastEnd(formatDuration(left))}
            </span>
          )}
        </dd>
        <dt>{t.admissions.guardianNotice}</dt>
        <dd
          data-testid="guardian-notice"
          data-status={notice.status}
          className={notice.status === 'overdue' ? 'text-danger' : undefined}
        >
          {notice.status === 'done'
            ? t.admissions.guardian.done(stamp(notice.at))
            : t.admissions.guardian[notice.status](stamp(notice.dueAt))}
        </dd>
      </dl>
      {children}
    </article>
  );
}
