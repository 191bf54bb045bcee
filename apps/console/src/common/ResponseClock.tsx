import type { IncidentStatus } from '#contracts';
import { useI18n } from '../i18n/i18n';
import { Countdown } from './Countdown';

// Once a team is with the person the response target is met: a countdown still running would only alarm.
const REACHED: ReadonlySet<IncidentStatus> = new Set(['on-scene', 'handoff']);

/** The incident's response clock: time left to `respondBy`, or "team on scene" once the target is met. */
export function ResponseClock({ status, respondBy }: { status: IncidentStatus | undefined; respondBy: string | null }) {
  const { t } = useI18n();
  if (status && REACHED.has(status)) {
    return (
      <span className="countdown countdown-met">
        <span aria-hidden="true">✓ </span>
        {t.time.reached}
      </span>
    );
  }
  return <Countdown to={respondBy} />;
}
