import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useEntities } from '../../realtime/realtime';
import { useNow } from '../../common/clock';
import { formatDuration } from '../../common/format';

/** Ringing and active calls, oldest first; ringing ones can be answered. */
export function CallQueue({
  userId,
  activeCallId,
  onAnswer,
  onOpen,
}: {
  userId: string;
  activeCallId: string | null;
  onAnswer: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const now = useNow();
  const { map, version } = useEntities('calls');
  const calls = useMemo(
    () =>
      [...map.values()].filter((c) => c.status !== 'ended').sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [map, version],
  );
  return (
    <section className="panel call-queue" aria-labelledby="calls-title" data-testid="call-queue">
      <h2 id="calls-title" className="panel-title">
        {t.counselor.callQueue} <span className="panel-count">{calls.length}</span>
      </h2>
      {calls.length === 0 ? <p className="empty-note">{t.counselor.noCalls}</p> : null}
      <ul className="call-list">
        {calls.map((c) => {
          const mine = c.counselorId === userId;
          return (
            <li
              key={c.id}
              className={`call-row status-${c.status}${c.id === activeCallId ? ' is-selected' : ''}`}
              data-testid="call-row"
              data-call-id={c.id}
              data-status={c.status}
            >
              <span className="call-main">
                <span>
                  <strong>{t.callChannel[c.channel as keyof typeof t.callChannel] ?? c.channel}</strong> ·{' '}
                  {t.callStatus[c.status]}
                  {mine ? ` · ${t.counselor.mine}` : ''}
                </span>
                <span className="call-meta">
                  {c.callerNumber ?? ''} {t.time.ago(formatDuration(now - Date.parse(c.receivedAt)))}
                </span>
              </span>
              {c.status === 'ringing' ? (
                <button type="button" className="btn btn-primary btn-small" onClick={() => onAnswer(c.id)}>
                  {t.counselor.answer}
                </button>
              ) : c.id === activeCallId ? null : mine ? (
                <button type="button" className="btn btn-small" onClick={() => onOpen(c.id)}>
                  {t.counselor.activeCall}
                </button>
              ) : (
                // Another counselor's call: opening it shows it read-only, with an explicit takeover.
                <button type="button" className="btn btn-small btn-quiet" onClick={() => onOpen(c.id)}>
                  {t.counselor.openOthers}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
