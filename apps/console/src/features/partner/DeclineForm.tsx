import { useState, type FormEvent } from 'react';
import { PORTAL_DECLINE_REASONS, type HandoffDeclineRequest } from '#contracts';
import { useI18n } from '../../i18n/i18n';

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
  const [reasonText, setReasonText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reasonCode) return;
    onSend(reasonCode === 'other' ? { reasonCode, reasonText: reasonText.trim() } : { reasonCode });
  };
  return (
    <form className="inline-form decline-form" onSubmit={submit} data-testid="decline-form">
      <label className="field">
        <span>{t.partner.declineReason}</span>
        <select
          id={`decline-${handoffId}`}
          value={reasonCode}
          onChange={(e) => setReasonCode(e.target.value as PortalReason | '')}
          required
          data-testid="decline-reason"
        >
          <option value="">—</option>
          {PORTAL_DECLINE_REASONS.map((code) => (
            <option key={code} value={code}>
              {t.partner.declineReasons[code]}
            </option>
          ))}
        </select>
      </label>
      {reasonCode === 'other' ? (
        <label className="field">
          <span>{t.partner.declineText}</span>
          <input
            value={reasonText}
            onChange={(e) => setReasonText(e.target.value)}
            required
            maxLength={500}
            data-testid="decline-text"
          />
        </label>
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
