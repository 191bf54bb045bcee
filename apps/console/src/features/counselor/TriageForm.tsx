import { Fragment } from 'react';
import { useI18n } from '../../i18n/i18n';
import { TAKEOVER_EXPLANATION_ID } from './TakeoverBar';
import {
  TRIAGE_QUESTIONS,
  TRIAGE_SECTIONS,
  isQuestionVisible,
  isYesNo,
  setAnswer,
  type TriageAnswerValue,
  type TriageAnswers,
  type TriageQuestion,
  type TriageQuestionId,
} from './triage-form-model';

function optionKey(value: boolean | string): string {
  return value === true ? 'yes' : value === false ? 'no' : value;
}

function Question({
  question,
  value,
  missing,
  onChange,
}: {
  question: TriageQuestion;
  value: TriageAnswerValue;
  missing: boolean;
  onChange: (value: boolean | string) => void;
}) {
  const { t } = useI18n();
  const label = (option: boolean | string) =>
    option === true ? t.triage.yes : option === false ? t.triage.no : (t.triage.options[option] ?? option);
  return (
    <fieldset
      className={`question${missing ? ' is-missing' : ''}${value === true || (typeof value === 'string' && value !== 'none') ? ' is-positive' : ''}`}
      data-testid={`triage-q-${question.id}`}
    >
      <legend>{t.triage.questions[question.id]}</legend>
      <div className={isYesNo(question) ? 'options options-yesno' : 'options'}>
        {question.options.map((option) => {
          const id = `triage-${question.id}-${optionKey(option)}`;
          return (
            <label key={id} htmlFor={id} className="option">
              <input
                type="radio"
                id={id}
                name={`triage-${question.id}`}
                value={optionKey(option)}
                checked={value === option}
                onChange={() => onChange(option)}
              />
              <span>{label(option)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The guided form: questions grouped by section, Q3–Q5 appearing only after a yes to Q2. */
export function TriageForm({
  answers,
  missing,
  onChange,
  locked = false,
}: {
  answers: TriageAnswers;
  missing: readonly TriageQuestionId[];
  onChange: (answers: TriageAnswers) => void;
  /** Another counselor holds the call (see TakeoverBar). */
  locked?: boolean;
}) {
  const { t } = useI18n();
  const missingSet = new Set(missing);
  return (
    <form
      className="triage-form"
      aria-labelledby="triage-title"
      onSubmit={(e) => e.preventDefault()}
      data-testid="triage-form"
      id="triage-form"
    >
      <h3 id="triage-title">{t.triage.title}</h3>
      <fieldset
        className="triage-questions"
        disabled={locked}
        aria-describedby={locked ? TAKEOVER_EXPLANATION_ID : undefined}
      >
        {TRIAGE_SECTIONS.map((section) => (
          <Fragment key={section}>
            <h4 className="triage-section">{t.triage.sections[section]}</h4>
            {TRIAGE_QUESTIONS.filter((q) => q.section === section && isQuestionVisible(answers, q.id)).map((q) => (
              <Question
                key={q.id}
                question={q}
                value={answers[q.id]}
                missing={missingSet.has(q.id)}
                onChange={(value) => onChange(setAnswer(answers, q.id, value as never))}
              />
            ))}
          </Fragment>
        ))}
      </fieldset>
    </form>
  );
}
