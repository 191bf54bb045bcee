import { useState, type FormEvent } from 'react';
import { PORTAL_DECLINE_REASONS, type HandoffDeclineRequest } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { choicesOf, SelectField } from '../../common/fields';
import { ReasonField, useReason } from '../../common/ReasonField';

type PortalReason = (typeof PORTAL_DECLINE_REASONS)[number];

/** A decline needs a reason code from the list; "other" needs a few words. */
export function DeclineForm({
  handoffId,
  busy,
  onSend,
  onCancel,
}: {
  handoffId: string;
  busy: boolean;
  onSend: (body: HandoffDeclineRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reasonCode, setReasonCode] = useState<PortalReason | ''>('');
  const reasonText = useReason();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reasonCode) return;
    onSend(reasonCode === 'other' ? { reasonCode, reasonText: reasonText.text } : { reasonCode });
  };
  return (
    <form className="inline-form decline-form" onSubmit={submit} data-testid="decline-form">
      <SelectField
        label={t.partner.declineReason}
        id={`decline-${handoffId}`}
        value={reasonCode}
        onValue={(v) => setReasonCode(v as PortalReason | '')}
        options={choicesOf(PORTAL_DECLINE_REASONS, t.partner.declineReasons)}
        blank="—"
        required
        data-testid="decline-reason"
      />
      {reasonCode === 'other' ? (
        <ReasonField label={t.partner.declineText} reason={reasonText} maxLength={500} testId="decline-text" />
      ) : null}
      <button type="submit" className="btn" disabled={busy || !reasonCode}>
        {t.partner.sendDecline}
      </button>
      <button type="button" className="btn btn-quiet" onClick={onCancel}>
        {t.app.cancel}
      </button>
    </form>
  );
}
