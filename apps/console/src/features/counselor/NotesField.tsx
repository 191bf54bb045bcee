import { useI18n } from '../../i18n/i18n';
import { TextAreaField } from '../../common/fields';

/** The call's free-text notes, as the new-call and end-call forms both take them. */
export function NotesField({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <TextAreaField label={t.counselor.notes} name="notes" value={value} onValue={onValue} rows={2} maxLength={10000} />
  );
}
