import { useEffect, useState } from 'react';
import type { FollowUpView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { useLoad } from '../../common/use-load';
import { FailureNote } from '../../common/FailureNote';
import { errorText } from '../../common/error-text';
import { FollowUpCard } from './FollowUpCard';
import '../clients/care.css';

/** Clock difference between the server and this screen that still counts an event as new. */
const ARRIVAL_TOLERANCE_MS = 5000;

/**
 * The follow-up queue, soonest due first: a community centre's own tasks (the API scopes them), or every task for
 * the hotline. `follow-up.created/updated` and overdue alerts reload it live; the list itself is an audited read.
 */
export function FollowUpsPage({ inPortal = false }: { inPortal?: boolean }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const store = useStore();
  const [showDone, setShowDone] = useState(false);
  const [tick, setTick] = useState(0);
  const [arrived, setArrived] = useState(false);
  const list = useLoad((signal) => api.followUps(showDone ? 'all' : 'open', signal), `${showDone}:${tick}`);
  const [local, setLocal] = useState<Map<string, FollowUpView>>(new Map());

  useEffect(() => {
    // A partner sees a thin slice of the log, so its events mostly arrive through catch-up pages: "new" is judged
    // by the event's time against the screen's, not by the path it came by.
    const openedAt = Date.now() - ARRIVAL_TOLERANCE_MS;
    return store.onEnvelope((envelope) => {
      if (
        envelope.type === 'follow-up.created' ||
        envelope.type === 'follow-up.updated' ||
        (envelope.type === 'alert.raised' && envelope.data.kind === 'follow-up-overdue')
      ) {
        if (envelope.type === 'follow-up.created' && Date.parse(envelope.occurredAt) >= openedAt) setArrived(true);
        setTick((n) => n + 1);
      }
    });
  }, [store]);
  // A fresh list replaces what this screen changed itself.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a reload (the list's new identity) drops local edits
  useEffect(() => setLocal(new Map()), [list.data]);

  const items = (list.data ?? []).map((f) => local.get(f.id) ?? f);
  const overdue = items.filter((f) => f.overdue).length;
  return (
    <section
      className={inPortal ? 'followups-page' : 'care-panel followups-page'}
      aria-labelledby={inPortal ? undefined : 'followups-title'}
      data-testid="follow-ups-page"
    >
      {inPortal ? null : <h2 id="followups-title">{t.followUps.title}</h2>}
      <label className="check">
        <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />{' '}
        {t.followUps.showDone}
      </label>
      <div aria-live="polite">
        {arrived ? (
          <p className="notice" data-testid="follow-up-arrived">
            {t.followUps.newArrived}
          </p>
        ) : null}
        {overdue ? (
          <p className="error" data-testid="follow-up-overdue">
            {t.followUps.overdueAlert(overdue)}
          </p>
        ) : null}
      </div>
      {list.error ? <FailureNote failure={errorText(list.error, t, lang)} /> : null}
      {list.data && items.length === 0 ? <p className="empty-note">{t.followUps.empty}</p> : null}
      <ul className="followup-list" data-testid="follow-up-list">
        {items.map((f) => (
          <FollowUpCard key={f.id} item={f} onChanged={(next) => setLocal((m) => new Map(m).set(next.id, next))} />
        ))}
      </ul>
    </section>
  );
}

/** The queue as a section of the partner portal (community centres), under the portal's own heading. */
export function FollowUpsSection() {
  return <FollowUpsPage inPortal />;
}
