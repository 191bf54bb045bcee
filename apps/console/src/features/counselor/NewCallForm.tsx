import { useRef, useState, type FormEvent } from 'react';
import { CALL_CHANNELS, type CallChannel, type CallView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { newIdempotencyKey } from '../../common/format';
import { useAction } from '../../common/use-action';

/** Records a new call; the same Idempotency-Key is reused on retry so a double submit makes one call. */
export function NewCallForm({ onStarted, onCancel }: { onStarted: (call: CallView) => void; onCancel: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [channel, setChannel] = useState<CallChannel>('phone');
  const [callerNumber, setCallerNumber] = useState('');
  const [callerRelation, setCallerRelation] = useState('');
  const [notes, setNotes] = useState('');
  // A started call replaces this form: stay busy until it does.
  const { busy, failure, run } = useAction({ keepBusyOnSuccess: true });
  const key = useRef(newIdempotencyKey());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      let call = await api.createCall(
        {
          channel,
          ...(callerNumber.trim() ? { callerNumber: callerNumber.trim() } : {}),
          ...(callerRelation.trim() ? { callerRelation: callerRelation.trim() } : {}),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        },
        key.current,
      );
      if (call.status === 'ringing') call = await api.answerCall(call.id);
      onStarted(call);
    });
  };

  return (
    <form className="panel new-call" onSubmit={submit} aria-labelledby="new-call-title" data-testid="new-call-form">
      <h2 id="new-call-title" className="panel-title">
        {t.counselor.newCall}
      </h2>
      <label className="field">
        <span>{t.counselor.channel}</span>
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as CallChannel)} autoFocus>
          {CALL_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t.callChannel[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.counselor.callerNumber}</span>
        <input
          name="callerNumber"
          type="tel"
          value={callerNumber}
          onChange={(e) => setCallerNumber(e.target.value)}
          pattern="\+?[0-9 \(\)\-]{3,20}"
        />
      </label>
      <label className="field">
        <span>{t.counselor.callerRelation}</span>
        <input
          name="callerRelation"
          value={callerRelation}
          onChange={(e) => setCallerRelation(e.target.value)}
          maxLength={64}
        />
      </label>
      <label className="field">
        <span>{t.counselor.notes}</span>
        <textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} maxLength={10000} />
      </label>
      <FailureNote failure={failure} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.counselor.startCall}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
