import { type Category, type CounselorCategory, type TriageResult } from '#contracts';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { CategoryBadge } from '../../common/badges';
import { TAKEOVER_EXPLANATION_ID } from './TakeoverBar';
import type { TriageFormEvaluation } from './triage-form-model';
import { ChooseCategoryForm } from './ChooseCategoryForm';
import { FailureNote } from '../../common/FailureNote';
import { categoryChoices } from '../../common/category-choices';
import { SelectField, TextField } from '../../common/fields';

/** The live suggestion next to the form: category, reasons, what to tell the caller and do now. */
export function TriageResultPanel({
  evaluation,
  recorded,
  busy,
  locked = false,
  onSubmit,
  failure = null,
  createNext = 'locate',
  onConfirmAndCreate,
  onOverride,
  onChoose,
}: {
  evaluation: TriageFormEvaluation;
  recorded: TriageResult | null;
  busy: boolean;
  /** Another counselor holds the call (see TakeoverBar). */
  locked?: boolean;
  onSubmit: () => void;
  /** The failure of the last triage action, shown under its buttons in the reader's language. */
  failure?: string | null;
  /** Category A: what confirming goes on to (issue 13 item 10): create the incident, or the location first. */
  createNext?: 'create' | 'locate';
  onConfirmAndCreate?: () => void;
  onOverride: (category: Category, reason: string) => void;
  /** Confirm with path questions open: the counselor's category and reason (issue 13 item 1). */
  onChoose: (chosen: CounselorCategory) => void;
}) {
  const { t, lang } = useI18n();
  const [overrideTo, setOverrideTo] = useState<Category | ''>('');
  const [reason, setReason] = useState('');
  const { result, guidance } = evaluation;
  const assessed = evaluation.completeness.assessed;
  const within = result.respondWithinMinutes;
  const notify = (['police', 'ems', 'fire'] as const).filter((k) => result.notify[k]);

  const override = (event: FormEvent) => {
    event.preventDefault();
    if (overrideTo && reason.trim().length >= 3) onOverride(overrideTo, reason.trim());
  };

  return (
    <aside
      className="triage-result"
      aria-live="polite"
      aria-labelledby="triage-result-title"
      data-testid="triage-result"
    >
      <h3 id="triage-result-title">{t.triage.suggested}</h3>
      {assessed ? (
        <div className="triage-category-line">
          <CategoryBadge category={result.category} size={48} />
          <span className="triage-letter" data-testid="triage-category">
            {result.category}
          </span>
          <span className="triage-category-text">{t.category[result.category]}</span>
        </div>
      ) : (
        <p className="triage-category-line triage-not-assessed" data-testid="triage-not-assessed">
          <strong>{t.triageCheck.notAssessed}</strong>
        </p>
      )}
      <p className={evaluation.complete ? 'triage-complete' : 'triage-provisional'} data-testid="triage-completeness">
        {!assessed
          ? t.triageCheck.openQuestions(evaluation.completeness.open.length)
          : evaluation.completeness.open.length > 0
            ? t.triageCheck.decidedA
            : evaluation.complete
              ? t.triage.complete
              : t.triage.provisional(evaluation.missing.length)}
      </p>
      {/* Unassessed, the response time and partners of the answers so far are a lower bound and would mislead. */}
      {assessed ? (
        <dl className="facts">
          <dt>{t.triage.cssrsRisk}</dt>
          <dd data-testid="triage-cssrs-risk">{t.cssrsRisk[result.cssrsRisk]}</dd>
          <dt>{t.triage.respondWithin}</dt>
          <dd>
            {within === null ? t.triage.noFaceToFace : within === 0 ? t.triage.immediately : t.triage.minutes(within)}
          </dd>
          <dt>{t.triage.notify}</dt>
          <dd>{notify.length ? notify.map((k) => t.triage[k]).join(', ') : t.triage.notifyNone}</dd>
        </dl>
      ) : null}
      <h4>{t.triage.reasons}</h4>
      <ul className="reason-list" data-testid="triage-reasons">
        {result.reasons.length === 0 ? <li>{t.triage.noReasons}</li> : null}
        {result.reasons.map((r) => (
          <li key={r} data-reason={r}>
            {t.triage.reasonText[r as keyof typeof t.triage.reasonText] ?? r}
          </li>
        ))}
      </ul>
      {assessed ? (
        <>
          <h4>{t.triage.tellCaller}</h4>
          <p className="guidance" data-testid="caller-guidance">
            {guidance.tellCaller[lang]}
          </p>
          <h4>{t.triage.doNow}</h4>
          <p className="guidance">{guidance.doNow[lang]}</p>
          {result.category === 'A' && onConfirmAndCreate ? (
            <button
              type="button"
              className="btn btn-primary btn-block"
              onClick={onConfirmAndCreate}
              disabled={busy || locked}
              aria-describedby={locked ? TAKEOVER_EXPLANATION_ID : undefined}
              data-testid="confirm-and-create"
            >
              {createNext === 'create' ? t.quickDispatch.confirmAndCreate : t.quickDispatch.confirmAndLocate}
            </button>
          ) : null}
          <button
            type="button"
            className={result.category === 'A' && onConfirmAndCreate ? 'btn btn-block' : 'btn btn-primary btn-block'}
            onClick={onSubmit}
            disabled={busy || locked}
            aria-describedby={locked ? TAKEOVER_EXPLANATION_ID : undefined}
          >
            {t.triage.submit}
          </button>
        </>
      ) : (
        <>
          <p className="guidance" data-testid="triage-ask-first">
            {t.triageCheck.askFirst}
          </p>
          <ChooseCategoryForm busy={busy} locked={locked} onConfirm={onChoose} />
        </>
      )}
      <FailureNote failure={failure} testId="triage-failure" />
      {recorded ? (
        <>
          <p className="notice" role="status" data-testid="triage-recorded" data-category={recorded.category}>
            {t.triage.submitted(recorded.category)}
          </p>
          <form className="inline-form" onSubmit={override}>
            <SelectField
              label={t.triage.override}
              value={overrideTo}
              onValue={(v) => setOverrideTo(v as Category | '')}
              options={categoryChoices(t)}
              blank="—"
            />
            <TextField
              label={t.triage.overrideReason}
              value={reason}
              onValue={setReason}
              minLength={3}
              maxLength={2000}
            />
            <button type="submit" className="btn" disabled={busy || locked || !overrideTo || reason.trim().length < 3}>
              {t.triage.overrideSave}
            </button>
          </form>
        </>
      ) : null}
    </aside>
  );
}
