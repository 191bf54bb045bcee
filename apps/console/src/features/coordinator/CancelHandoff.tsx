import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { ReasonField, useReason } from '../../common/ReasonField';
import { useAction } from '../../common/use-action';
import { useI18n } from '../../i18n/i18n';

/** A coordinator takes back a handoff request with a reason (the partner sees it cancelled, live). */
export function CancelHandoff({ handoffId }: { handoffId: string }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const reason = useReason();
  const { busy, failure, run } = useAction();
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-small btn-quiet"
        onClick={() => setOpen(true)}
        data-testid="cancel-handoff"
      >
        {t.bedRequest.cancel}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.text) void run(() => api.cancelHandoff(handoffId, reason.text));
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <ReasonField label={t.bedRequest.cancelReason} reason={reason} maxLength={500} testId="cancel-handoff-reason" />
      <button type="submit" className="btn btn-small" disabled={busy}>
        {t.bedRequest.cancel}
      </button>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => setOpen(false)}>
        {t.app.close}
      </button>
      <FailureNote failure={failure} />
    </form>
  );
}
