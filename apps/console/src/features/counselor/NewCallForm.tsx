import { useRef, useState, type FormEvent } from 'react';
import { CALL_CHANNELS, type CallChannel, type CallView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../common/format';
import { useAction } from '../../common/use-action';
import { FormActions, SelectField, TextField } from '../../common/fields';
import { NotesField } from './NotesField';

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
      <SelectField
        label={t.counselor.channel}
        name="channel"
        value={channel}
        onValue={(v) => setChannel(v as CallChannel)}
        options={CALL_CHANNELS.map((c) => ({ value: c, label: t.callChannel[c] }))}
        autoFocus
      />
      <TextField
        label={t.counselor.callerNumber}
        name="callerNumber"
        type="tel"
        value={callerNumber}
        onValue={setCallerNumber}
        pattern="\+?[0-9 \(\)\-]{3,20}"
      />
      <TextField
        label={t.counselor.callerRelation}
        name="callerRelation"
        value={callerRelation}
        onValue={setCallerRelation}
        maxLength={64}
      />
      <NotesField value={notes} onValue={setNotes} />
      <FormActions failure={failure} busy={busy} submitLabel={t.counselor.startCall} onCancel={onCancel} />
    </form>
  );
}
