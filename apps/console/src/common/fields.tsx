import {
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useI18n } from '../i18n/i18n';
import { FailureNote } from './FailureNote';

/**
 * Labelled form controls: the visible label wraps the control, so the label text is its accessible name (WCAG 2.5.3).
 * `frame` is the label's class: `field` in the grid forms, `field field-wide` across the grid, none in care forms.
 */
type Frame = { label: ReactNode; frame?: 'field' | 'wide' | 'plain' };

const frameClass = { field: 'field', wide: 'field field-wide', plain: undefined } as const;

function Labelled({ label, frame = 'field', children }: Frame & { children: ReactNode }) {
  return (
    <label className={frameClass[frame]}>
      <span>{label}</span>
      {children}
    </label>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>;

/** A text-like input (text, number, date, password …) that reports its string value. */
export function TextField({
  label,
  frame,
  value,
  onValue,
  ...input
}: Frame & InputProps & { value: string | number; onValue: (value: string) => void }) {
  return (
    <Labelled label={label} frame={frame}>
      <input value={value} onChange={(e) => onValue(e.target.value)} {...input} />
    </Labelled>
  );
}

/** A multi-line text box that reports its string value. */
export function TextAreaField({
  label,
  frame,
  value,
  onValue,
  ...area
}: Frame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
  }) {
  return (
    <Labelled label={label} frame={frame}>
      <textarea value={value} onChange={(e) => onValue(e.target.value)} {...area} />
    </Labelled>
  );
}

export interface Choice {
  value: string | number;
  label: string;
}

/** The choices over a vocabulary (roles, channels, kinds), each labelled with its name in the reader's language. */
export function choicesOf<V extends string>(values: readonly V[], labels: Record<V, string>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** A select over `options`, with an optional first empty choice (`blank` is its text) that stands for "none". */
export function SelectField({
  label,
  frame,
  value,
  onValue,
  options,
  blank,
  ...select
}: Frame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string | number;
    onValue: (value: string) => void;
    options: readonly Choice[];
    blank?: string;
  }) {
  return (
    <Labelled label={label} frame={frame}>
      <select value={value} onChange={(e) => onValue(e.target.value)} {...select}>
        {blank === undefined ? null : <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A checkbox with its label after it. */
export function CheckField({
  label,
  checked,
  onChecked,
  ...input
}: Omit<InputProps, 'type' | 'checked'> & {
  label: ReactNode;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} {...input} />
      <span>{label}</span>
    </label>
  );
}

type FieldValue = string | number;

/** What `{...bind(name)}` spreads onto a field: the control's form name, its value and where its changes go. */
export interface BoundField<V> {
  name: string;
  value: V;
  onValue: (raw: string) => void;
}

/** The entries that take a control's text as it is: text, or a union of texts that a select's options keep it to. */
type TextKey<T> = { [K in keyof T & string]: T[K] extends string ? K : never }[keyof T & string];

/**
 * A form's values by field name. `bind(name)` gives a field its `name` attribute, its value and its change from the
 * entry of that name, so a control's form name and the state behind it are written once and cannot drift apart.
 * A control reports text: an entry that is not text is bound with `read`, which turns the text into its value
 * (a number, a clamped count) on every change, so the control shows what the form keeps. `set` writes an entry
 * from code, as a form that clears its note after a save does.
 */
export function useFieldValues<T extends Record<string, FieldValue>>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const set = <K extends keyof T>(name: K, value: T[K]) => setValues((now) => ({ ...now, [name]: value }));
  function bind<K extends keyof T & TextKey<T>>(name: K): BoundField<T[K]>;
  function bind<K extends keyof T & string>(name: K, read: (raw: string) => T[K]): BoundField<T[K]>;
  function bind<K extends keyof T & string>(name: K, read?: (raw: string) => T[K]): BoundField<T[K]> {
    // Without `read` the entry is text (the first overload), so the raw text is already of its type.
    return { name, value: values[name], onValue: (raw) => set(name, read ? read(raw) : (raw as T[K])) };
  }
  return { values, set, bind };
}

/** A form's end: the failure (announced) above a primary submit button and a cancel button. */
export function FormActions({
  failure,
  failureTestId,
  busy,
  submitLabel,
  onCancel,
  className = 'row-actions',
}: {
  failure: string | null;
  failureTestId?: string;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <FailureNote failure={failure} testId={failureTestId} />
      <div className={className}>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </>
  );
}
