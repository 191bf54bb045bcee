import { useState, type FormEvent, type ReactNode } from 'react';

/**
 * A filter bar that edits a draft and applies it on submit (typing a date does not reload what it filters); a draft
 * in which `problem` finds one is not applied, and the problem is announced instead.
 */
export function FilterForm<F>({
  value,
  problem,
  onApply,
  className,
  label,
  testId,
  submitLabel,
  invalidClassName,
  children,
}: {
  value: F;
  /** What is wrong with the draft, in the reader's words; null when it may be applied. */
  problem: (draft: F) => string | null;
  onApply: (draft: F) => void;
  className: string;
  label: string;
  testId: string;
  submitLabel: string;
  invalidClassName?: string;
  children: (draft: F, edit: (patch: Partial<F>) => void) => ReactNode;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = problem(draft);
    setShown(found);
    if (found === null) onApply(draft);
  };
  return (
    <form className={className} onSubmit={submit} aria-label={label} data-testid={testId}>
      {children(draft, (patch) => setDraft({ ...draft, ...patch }))}
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
      {shown !== null ? (
        <p role="alert" className={invalidClassName}>
          {shown}
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
