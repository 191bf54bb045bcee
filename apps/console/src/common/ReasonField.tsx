import { useState } from 'react';
import { TextField } from './fields';

/** A reason being typed: the field shows `value` as typed, the API is sent `text` (trimmed, as it validates it). */
export interface Reason {
  value: string;
  set: (value: string) => void;
  text: string;
}

export function useReason(): Reason {
  const [value, set] = useState('');
  return { value, set, text: value.trim() };
}

/**
 * The free-text reason an action must give (a bed request, a decline's "other", a cancelled handoff): required,
 * and no longer than the API accepts for it (`maxLength`), so the browser refuses what the server would.
 */
export function ReasonField({
  label,
  reason,
  maxLength,
  testId,
}: {
  label: string;
  reason: Reason;
  maxLength: number;
  testId: string;
}) {
  return (
    <TextField
      label={label}
      value={reason.value}
      onValue={reason.set}
      required
      maxLength={maxLength}
      data-testid={testId}
    />
  );
}
