import { useState, type FormEvent } from 'react';
import { CALL_OUTCOMES, type CallOutcome } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { choicesOf, SelectField } from '../../common/fields';
import { NotesField } from './NotesField';
import { TAKEOVER_EXPLANATION_ID } from './TakeoverBar';

export function EndCallForm({
  callId,
  suggested,
  onEnded,
  locked = false,
}: {
  callId: string;
  suggested: CallOutcome;
  onEnded: () => void;
  locked?: boolean;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<CallOutcome | ''>('');
  const [notes, setNotes] = useState('');
  // An ended call closes this view: stay busy until it does.
  const { busy, failure, run } = useAction({ keepBusyOnSuccess: true });
  const chosen = outcome || suggested;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.endCall(callId, { outcome: chosen, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      onEnded();
    });
  };

  return (
    <form className="end-call" onSubmit={submit} aria-labelledby="end-call-title" data-testid="end-call-form">
      <h3 id="end-call-title">{t.counselor.endCall}</h3>
      <SelectField
        label={t.counselor.outcome}
        name="outcome"
        id="end-call-outcome"
        value={chosen}
        onValue={(v) => setOutcome(v as CallOutcome)}
        options={choicesOf(CALL_OUTCOMES, t.callOutcome)}
      />
      <NotesField value={notes} onValue={setNotes} />
      <FailureNote failure={failure} />
      <button
        type="submit"
        className="btn"
        disabled={busy || locked}
        aria-describedby={locked ? TAKEOVER_EXPLANATION_ID : undefined}
      >
        {t.counselor.endCall}
      </button>
    </form>
  );
}
