import type { IncidentCallback } from '#contracts';
import { useI18n } from '../../i18n/i18n';

/**
 * The caller's callback number and relation (issue 13 item 4): on the coordinator's drawer and on the team's
 * phone, where it is a tap-to-call link, because the team may have to call the family back.
 */
export function CallbackContact({ callback, asLink = false }: { callback: IncidentCallback | null; asLink?: boolean }) {
  const { t } = useI18n();
  if (!callback?.number) return null;
  return (
    <dl className="facts callback-number" data-testid="callback-contact">
      <dt>{t.callback.number}</dt>
      <dd data-testid="callback-number">
        {asLink ? <a href={`tel:${callback.number.replace(/[^\d+]/g, '')}`}>{callback.number}</a> : callback.number}
      </dd>
      <dt>{t.callback.relation}</dt>
      <dd data-testid="callback-relation">{callback.relation ?? '—'}</dd>
    </dl>
  );
}
