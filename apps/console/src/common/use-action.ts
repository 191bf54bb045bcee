import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { apiErrorMessage, runAction, type ActionOptions } from './action';

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
 * Busy flag and failure text of a component's actions. By default a failure reads the API's message (or the
 * generic error); `describeError` words it otherwise.
 */
export function useAction(options: UseActionOptions = {}): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = (action: () => Promise<unknown>) =>
    runAction(
      action,
      { setBusy, setFailure },
      { ...options, describeError: options.describeError ?? ((e) => apiErrorMessage(e, t.app.error)) },
    );
  return { busy, failure, run, showFailure: setFailure, clearFailure: () => setFailure(null) };
}
