import { useRef, type FormEvent } from 'react';
import { CALL_CHANNELS, type CallChannel, type CallView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { newIdempotencyKey } from '../../common/format';
import { useAction } from '../../common/use-action';
import { choicesOf, FormActions, SelectField, TextField, useFieldValues } from '../../common/fields';
import { NotesField } from './NotesField';

/** Records a new call; the same Idempotency-Key is reused on retry so a double submit makes one call. */
export function NewCallForm({ onStarted, onCancel }: { onStarted: (call: CallView) => void; onCancel: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { values, set, bind } = useFieldValues({
    channel: 'phone' as CallChannel,
    callerNumber: '',
    callerRelation: '',
    notes: '',
  });
  // A started call replaces this form: stay busy until it does.
  const { busy, failure, run } = useAction({ keepBusyOnSuccess: true });
  const key = useRef(newIdempotencyKey());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { channel, callerNumber, callerRelation, notes } = values;
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
        {...bind('channel')}
        options={choicesOf(CALL_CHANNELS, t.callChannel)}
        autoFocus
      />
      <TextField
        label={t.counselor.callerNumber}
        {...bind('callerNumber')}
        type="tel"
        pattern="\+?[0-9 \(\)\-]{3,20}"
      />
      <TextField label={t.counselor.callerRelation} {...bind('callerRelation')} maxLength={64} />
      <NotesField value={values.notes} onValue={(notes) => set('notes', notes)} />
      <FormActions failure={failure} busy={busy} submitLabel={t.counselor.startCall} onCancel={onCancel} />
    </form>
  );
}
