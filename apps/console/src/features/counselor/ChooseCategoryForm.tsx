import type { Category, CounselorCategory } from '#contracts';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { categoryChoices } from '../../common/category-choices';
import { SelectField, TextAreaField, useFieldValues } from '../../common/fields';

/**
 * Confirming a triage with questions on the path still open (issue 13 item 1): the counselor chooses the category
 * and gives a reason; the API records it as an override with the open questions listed as not asked.
 */
export function ChooseCategoryForm({
  busy,
  locked,
  onConfirm,
}: {
  busy: boolean;
  locked: boolean;
  onConfirm: (chosen: CounselorCategory) => void;
}) {
  const { t } = useI18n();
  const { values, bind } = useFieldValues({ chosenCategory: '' as Category | '', chosenReason: '' });
  const { chosenCategory: category, chosenReason: reason } = values;
  const ready = category !== '' && reason.trim().length >= 3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (category !== '' && ready) onConfirm({ category, reason: reason.trim() });
  };
  return (
    <form
      className="inline-form choose-category"
      onSubmit={submit}
      data-testid="choose-category"
      aria-labelledby="choose-category-title"
    >
      <h4 id="choose-category-title">{t.triageCheck.chooseTitle}</h4>
      <SelectField
        label={t.triageCheck.chooseCategory}
        {...bind('chosenCategory')}
        options={categoryChoices(t)}
        blank="—"
        required
      />
      <TextAreaField
        label={t.triageCheck.chooseReason}
        {...bind('chosenReason')}
        minLength={3}
        maxLength={2000}
        required
        rows={2}
      />
      <p className="hint">{t.triageCheck.chooseHint}</p>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy || locked || !ready}>
        {t.triageCheck.chooseSave}
      </button>
    </form>
  );
}
