import { useEffect, useState } from 'react';
import { useAuth, useUser } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { useLoad } from '../../common/use-load';
import { useI18n } from '../../i18n/i18n';
import { beep, flashTitle } from '../../realtime/attention';
import { useRealtime } from '../../realtime/realtime';
import { BedBoard } from './BedBoard';
import { HandoffCard } from './HandoffCard';
import { PortalSections } from './PortalSections';
import { usePartnerHandoffs } from './use-partner-handoffs';
import { useLatest } from '../../common/use-latest';
import { localName } from '../../common/local-name';

const NEW_REQUEST_FRESH_MS = 10 * 60_000;

/**
 * The partner portal of an agency user (hospital, police, fire, community centre): its own requests, live and
 * newest-unanswered first, with a sound and a title flash for each new one; a hospital's bed board; and the
 * sections other features register for its kind (portal-sections.ts).
 */
export function PartnerPortal() {
  const user = useUser();
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { store, synced } = useRealtime();
  const agencyId = user.agencyId ?? null;
  const agency = useLoad((signal) => api.agency(agencyId!, signal), agencyId);
  const { handoffs, loaded, failed, replace } = usePartnerHandoffs();
  const [announced, setAnnounced] = useState('');
  const kind = agency.data?.kind ?? user.agencyKind ?? null;

  // The bed board reads the hospital from the live store, so `hospital.updated` moves it without a reload.
  useEffect(() => {
    if (agency.data?.kind === 'hospital') store.seedHospitals([agency.data]);
  }, [agency.data, store]);

  // Only requests that arrive while the portal is open ring; the first catch-up after login does not. An agency
  // sees few of the log's seqs, so its envelopes mostly come through a catch-up page: freshness decides, not `live`.
  const tRef = useLatest(t);
  useEffect(
    () =>
      store.onEnvelope((envelope) => {
        if (!synced || envelope.type !== 'handoff.created' || envelope.data.agencyId !== agencyId) return;
        if (Date.now() - Date.parse(envelope.occurredAt) > NEW_REQUEST_FRESH_MS) return;
        beep('alert');
        flashTitle(tRef.current.partner.newRequest);
        setAnnounced(tRef.current.partner.newRequest);
      }),
    [store, synced, agencyId, tRef],
  );

  if (!agencyId) return <p className="empty-note">{t.partner.unknownKind}</p>;
  return (
    <div className="partner-portal" data-testid="partner-portal" data-agency-kind={kind ?? ''}>
      <h1 className="portal-title">{t.partner.title(localName(agency.data?.name ?? user.displayName, lang))}</h1>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="portal-announcement">
        {announced}
      </p>
      {kind === 'hospital' ? <BedBoard agencyId={agencyId} /> : null}
      <section className="panel" aria-labelledby="portal-handoffs-title">
        <h2 id="portal-handoffs-title">{t.partner.handoffs}</h2>
        {failed ? <FailureNote failure={t.app.error} /> : null}
        {loaded && handoffs.length === 0 ? <p className="empty-note">{t.partner.noHandoffs}</p> : null}
        <ul className="handoff-cards" data-testid="partner-handoffs">
          {handoffs.map((h) => (
            <HandoffCard key={h.id} handoff={h} onChanged={replace} />
          ))}
        </ul>
      </section>
      {kind ? <PortalSections agencyId={agencyId} agencyKind={kind} /> : null}
    </div>
  );
}
