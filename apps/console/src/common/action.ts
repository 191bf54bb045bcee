import { ApiError } from '../api/http';

// An operator's action (a button, a form) runs one request at a time: the controls are disabled while it runs,
// and a failure is shown as text. Plain TypeScript so the sequence is testable; `use-action.ts` binds it to React state.

/** The API's own message when the server refused, else the generic `fallback` (network down, a bug). */
export function apiErrorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

export interface ActionState {
  setBusy(busy: boolean): void;
  setFailure(failure: string | null): void;
}

export interface ActionOptions {
  /** Stay busy after a success: the view is about to go away (or be replaced), so its controls stay disabled. */
  keepBusyOnSuccess?: boolean;
  /** The failure text of an error. */
  describeError: (error: unknown) => string;
  /** Runs last, after a success or a failure. */
  onSettled?: () => void;
}

/** Busy and no failure while `action` runs; then not busy (unless kept after a success) and the failure text, if any. */
export async function runAction(
  action: () => Promise<unknown>,
  state: ActionState,
  options: ActionOptions,
): Promise<void> {
  state.setBusy(true);
  state.setFailure(null);
  let succeeded = false;
  try {
    await action();
    succeeded = true;
  } catch (e) {
    state.setFailure(options.describeError(e));
  } finally {
    if (!succeeded || !options.keepBusyOnSuccess) state.setBusy(false);
    options.onSettled?.();
  }
}
