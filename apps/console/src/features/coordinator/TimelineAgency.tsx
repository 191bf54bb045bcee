import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { useStore } from '../../realtime/realtime';
import { localName } from '../../common/local-name';

/**
 * The agency a handoff timeline entry is about, by name (issue 13 item 7): from the entry's `agencyId`, or through
 * its `handoffId` in the store. Nothing when the entry is not about an agency.
 */
export function TimelineAgency({ data }: { data: Record<string, unknown> | null | undefined }) {
  const { api } = useAuth();
  const store = useStore();
  const { lang } = useI18n();
  const handoffId = typeof data?.handoffId === 'string' ? data.handoffId : null;
  const agencyId =
    typeof data?.agencyId === 'string'
      ? data.agencyId
      : handoffId
        ? (store.handoffs.get(handoffId)?.agencyId ?? null)
        : null;
  const agencies = useLoad(() => api.agencies(), agencyId ? 'agencies' : null);
  const name = agencyId ? agencies.data?.find((a) => a.id === agencyId)?.name : undefined;
  return name ? <span className="timeline-agency"> · {localName(name, lang)}</span> : null;
}
