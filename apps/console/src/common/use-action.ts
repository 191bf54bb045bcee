import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { runAction, type ActionOptions } from './action';
import { errorText } from './error-text';

export type UseActionOptions = Partial<ActionOptions>;

export interface Action {
  busy: boolean;
  failure: string | null;
  /** Runs `action` (busy meanwhile); a failure is kept as text for a `FailureNote`. Never rejects. */
  run: (action: () => Promise<unknown>) => Promise<void>;
  /** Shows a failure found before anything was sent (a missing field). */
  showFailure: (failure: string) => void;
  clearFailure: () => void;
}

/**
 * Busy flag and failure text of a component's actions. By default a failure is worded from the refusal's reason or
 * code in the reader's language (`error-text.ts`); `describeError` words it otherwise.
 */
export function useAction(options: UseActionOptions = {}): Action {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) =>
    runAction(
      action,
      { setBusy, setFailure },
      { ...options, describeError: options.describeError ?? ((e) => errorText(e, t, lang)) },
    );
  return { busy, failure, run, showFailure: setFailure, clearFailure: () => setFailure(null) };
}
