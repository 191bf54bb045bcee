import { useState, type FormEvent } from 'react';
import {
  FOLLOW_UP_ATTEMPT_OUTCOMES,
  FOLLOW_UP_COMPLETION_OUTCOMES,
  type FollowUpAttemptOutcome,
  type FollowUpCompletionOutcome,
  type FollowUpView,
} from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { CategoryBadge } from '../../common/badges';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { formatWhen } from '../clients/care-format';

/** One task of the queue: whom to call, why, the attempts so far; log an attempt or complete it with an outcome. */
export function FollowUpCard({ item, onChanged }: { item: FollowUpView; onChanged: (f: FollowUpView) => void }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [attempt, setAttempt] = useState<FollowUpAttemptOutcome>('no-answer');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<FollowUpCompletionOutcome>('linked-case-management');
  const { busy, failure, run } = useAction();
  const open = item.status === 'open';
  const ids = (name: string) => `fu-${item.id}-${name}`;

  const logAttempt = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onChanged(
        await api.followUpAttempt(item.id, {
          at: new Date().toISOString(),
          outcome: attempt,
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      );
      setNote('');
    });
  };
  const complete = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onChanged(await api.completeFollowUp(item.id, { outcome })));
  };

  return (
    <li
      className="followup-card"
      data-testid="follow-up"
      data-follow-up-id={item.id}
      data-status={item.status}
      data-overdue={item.overdue ? 'true' : 'false'}
    >
      <h3 className="care-actions">
        <CategoryBadge category={item.category} size={22} />
        <span>{item.person.name ?? t.followUps.unknownPerson}</span>
        {item.person.phone ? (
          <a href={`tel:${item.person.phone.replace(/[^+0-9]/g, '')}`}>{item.person.phone}</a>
        ) : null}
        {item.overdue ? <span className="overdue-tag">{t.followUps.overdue}</span> : null}
      </h3>
      <p>
        {t.followUps.source[item.source]} ·{' '}
        {open
          ? `${t.followUps.due} ${formatWhen(item.dueAt, lang)}`
          : `${t.followUps.doneAt} ${formatWhen(item.doneAt, lang)}`}
        {item.outcome ? ` · ${t.followUps.outcome[item.outcome]}` : ''}
      </p>
      {item.incident ? (
        <p data-testid="follow-up-incident">
          <strong>{t.followUps.incident(item.incident.number)}</strong>
          {item.incident.summary ? ` · ${item.incident.summary}` : ''}
          {item.incident.disposition ? ` · ${item.incident.disposition}` : ''}
        </p>
      ) : null}
      {item.handBack ? (
        <blockquote data-testid="hand-back-note">
          <strong>{t.followUps.handBack(item.handBack.by ?? '—')}:</strong> {item.handBack.note}
        </blockquote>
      ) : null}
      <h4>{t.followUps.attempts}</h4>
      {item.attempts.length ? (
        <ol data-testid="follow-up-attempts">
          {item.attempts.map((a) => (
            <li key={a.id} data-outcome={a.outcome}>
              <time dateTime={a.at}>{formatWhen(a.at, lang)}</time> · {t.followUps.attemptOutcome[a.outcome]}
              {a.note ? ` · ${a.note}` : ''}
              {a.by ? ` · ${a.by}` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty-note">{t.followUps.noAttempts}</p>
      )}
      {open ? (
        <div className="care-actions">
          <form className="care-actions" onSubmit={logAttempt} aria-label={t.followUps.logAttempt}>
            <label htmlFor={ids('attempt')}>{t.followUps.attemptLabel}</label>
            <select
              id={ids('attempt')}
              name="attemptOutcome"
              value={attempt}
              onChange={(e) => setAttempt(e.target.value as FollowUpAttemptOutcome)}
            >
              {FOLLOW_UP_ATTEMPT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t.followUps.attemptOutcome[o]}
                </option>
              ))}
            </select>
            <label htmlFor={ids('note')}>{t.followUps.attemptNote}</label>
            <input
              id={ids('note')}
              name="attemptNote"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={1000}
            />
            <button type="submit" className="btn" disabled={busy}>
              {t.followUps.logAttempt}
            </button>
          </form>
          <form className="care-actions" onSubmit={complete} aria-label={t.followUps.complete}>
            <label htmlFor={ids('outcome')}>{t.followUps.completeLabel}</label>
            <select
              id={ids('outcome')}
              name="completionOutcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as FollowUpCompletionOutcome)}
            >
              {FOLLOW_UP_COMPLETION_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t.followUps.outcome[o]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.followUps.complete}
            </button>
          </form>
        </div>
      ) : null}
      <FailureNote failure={failure} />
    </li>
  );
}
