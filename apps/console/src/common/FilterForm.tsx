import { useState, type FormEvent, type ReactNode } from 'react';

/**
 * A filter bar that edits a draft and applies it on submit (typing a date does not reload what it filters); a draft
 * that `valid` refuses is not applied and `invalidText` is announced instead.
 */
export function FilterForm<F>({
  value,
  valid,
  onApply,
  className,
  label,
  testId,
  submitLabel,
  invalidText,
  invalidClassName,
  children,
}: {
  value: F;
  valid: (draft: F) => boolean;
  onApply: (draft: F) => void;
  className: string;
  label: string;
  testId: string;
  submitLabel: string;
  invalidText: string;
  invalidClassName?: string;
  children: (draft: F, edit: (patch: Partial<F>) => void) => ReactNode;
}) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ok = valid(draft);
    setInvalid(!ok);
    if (ok) onApply(draft);
  };
  return (
    <form className={className} onSubmit={submit} aria-label={label} data-testid={testId}>
      {children(draft, (patch) => setDraft({ ...draft, ...patch }))}
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
      {invalid ? (
        <p role="alert" className={invalidClassName}>
          {invalidText}
        </p>
      ) : null}
    </form>
  );
}

/** The first and last day of a period, as two required date inputs named `from` and `to`. */
export function PeriodFields({
  fromLabel,
  toLabel,
  fromDate,
  toDate,
  onChange,
}: {
  fromLabel: string;
  toLabel: string;
  fromDate: string;
  toDate: string;
  onChange: (patch: { fromDate?: string; toDate?: string }) => void;
}) {
  return (
    <>
      <label>
        {fromLabel}
        <input
          type="date"
          name="from"
          value={fromDate}
          required
          onChange={(e) => onChange({ fromDate: e.target.value })}
        />
      </label>
      <label>
        {toLabel}
        <input type="date" name="to" value={toDate} required onChange={(e) => onChange({ toDate: e.target.value })} />
      </label>
    </>
  );
}
