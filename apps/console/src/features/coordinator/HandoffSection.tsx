import { useMemo, useState, type FormEvent } from 'react';
import { OPEN_HANDOFF_STATUSES, type HandoffStatus } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities } from '../../realtime/realtime';
import { FailureNote } from '../../common/FailureNote';
import { TextField } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { CancelHandoff } from './CancelHandoff';
import { AgencyPicker } from './AgencyPicker';
import { localName } from '../../common/local-name';

// Those the cancel route accepts: the partner still owes an answer or has the person in its care.
const CANCELLABLE: ReadonlySet<HandoffStatus> = new Set(OPEN_HANDOFF_STATUSES);

/** Handoffs of one incident (live from the store) and a request form for a partner agency. */
export function HandoffSection({ incidentId, closed }: { incidentId: string; closed: boolean }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { map, version } = useEntities('handoffs');
  // Loaded for closed incidents too: the handoff rows name their agencies after closing (issue 13 item 7).
  const agencies = useLoad(() => api.agencies(), 'agencies');
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const { busy, failure, run } = useAction();
  const handoffs = useMemo(
    () => [...map.values()].filter((h) => h.incidentId === incidentId),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [map, version, incidentId],
  );
  const agencyName = (id: string) => localName(agencies.data?.find((a) => a.id === id)?.name ?? '…', lang);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const agency = agencies.data?.find((a) => a.id === agencyId);
    if (!agency || !reason.trim()) return;
    void run(async () => {
      await api.requestHandoff(incidentId, { agencyId, kind: agency.kind, reason: reason.trim() });
      setReason('');
    });
  };

  return (
    <section className="detail-section" aria-labelledby="handoffs-title">
      <h3 id="handoffs-title">{t.detail.handoffs}</h3>
      {handoffs.length === 0 ? <p className="empty-note">{t.detail.noHandoffs}</p> : null}
      <ul className="plain-list">
        {handoffs.map((h) => (
          <li key={h.id} data-testid="handoff-row" data-status={h.status}>
            {t.agencyKind[h.kind as keyof typeof t.agencyKind] ?? h.kind} · {agencyName(h.agencyId)} ·{' '}
            <strong>{t.handoffStatus[h.status]}</strong>
            {h.reasonCode ? ` (${h.reasonCode})` : ''}
            {!closed && CANCELLABLE.has(h.status) ? <CancelHandoff handoffId={h.id} /> : null}
          </li>
        ))}
      </ul>
      {closed ? null : (
        <form className="inline-form" onSubmit={submit}>
          <AgencyPicker
            incidentId={incidentId}
            agencies={agencies.data ?? []}
            value={agencyId}
            onChange={setAgencyId}
          />
          <TextField label={t.detail.reason} value={reason} onValue={setReason} required maxLength={2000} />
          <button type="submit" className="btn" disabled={busy}>
            {t.detail.requestHandoff}
          </button>
          <FailureNote failure={failure} />
        </form>
      )}
    </section>
  );
}
