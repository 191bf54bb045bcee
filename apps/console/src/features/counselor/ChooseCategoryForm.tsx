import { CATEGORIES, type Category, type CounselorCategory } from '#contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

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
  const [category, setCategory] = useState<Category | ''>('');
  const [reason, setReason] = useState('');
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
      <label className="field">
        <span>{t.triageCheck.chooseCategory}</span>
        <select
          name="chosenCategory"
          value={category}
          onChange={(e) => setCategory(e.target.value as Category | '')}
          required
        >
          <option value="">—</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c} · {t.category[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.triageCheck.chooseReason}</span>
        <textarea
          name="chosenReason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          minLength={3}
          maxLength={2000}
          required
          rows={2}
        />
      </label>
      <p className="hint">{t.triageCheck.chooseHint}</p>
      <button type="submit" className="btn btn-primary btn-block" disabled={busy || locked || !ready}>
        {t.triageCheck.chooseSave}
      </button>
    </form>
  );
}
