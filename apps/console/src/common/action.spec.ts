import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/http';
import { apiErrorMessage, runAction, type ActionOptions } from './action';

/** Records every state change and callback in order. */
function recorder() {
  const log: string[] = [];
  const state = {
    setBusy: (busy: boolean) => log.push(`busy=${busy}`),
    setFailure: (failure: string | null) => log.push(`failure=${failure}`),
  };
  return { log, state };
}

const describeError = (e: unknown) => apiErrorMessage(e, 'generic');
const refused = () => new ApiError(409, { statusCode: 409, code: 'STATE_CHANGED', message: 'Already taken' });

describe('apiErrorMessage', () => {
  it("shows the server's message of an API error", () => {
    expect(apiErrorMessage(refused(), 'generic')).toBe('Already taken');
  });

  it('shows the fallback for anything else', () => {
    expect(apiErrorMessage(new TypeError('Failed to fetch'), 'generic')).toBe('generic');
    expect(apiErrorMessage('thrown text', 'generic')).toBe('generic');
  });
});

describe('runAction', () => {
  it('is busy with no failure while the action runs, and not busy after a success', async () => {
    const { log, state } = recorder();
    let seenWhileRunning: string[] = [];
    await runAction(
      async () => {
        seenWhileRunning = [...log];
      },
      state,
      { describeError },
    );
    expect(seenWhileRunning).toEqual(['busy=true', 'failure=null']);
    expect(log).toEqual(['busy=true', 'failure=null', 'busy=false']);
  });

  it('keeps busy after a success when asked (the view goes away)', async () => {
    const { log, state } = recorder();
    await runAction(async () => undefined, state, { describeError, keepBusyOnSuccess: true });
    expect(log).toEqual(['busy=true', 'failure=null']);
  });

  it('shows the failure and is no longer busy after a failure, whether or not busy is kept on success', async () => {
    for (const keepBusyOnSuccess of [false, true]) {
      const { log, state } = recorder();
      await expect(
        runAction(() => Promise.reject(refused()), state, { describeError, keepBusyOnSuccess }),
      ).resolves.toBeUndefined();
      expect(log).toEqual(['busy=true', 'failure=null', 'failure=Already taken', 'busy=false']);
    }
  });

  it('words the failure with describeError', async () => {
    const { log, state } = recorder();
    const options: ActionOptions = { describeError: (e) => `refused: ${apiErrorMessage(e, 'generic')}` };
    await runAction(() => Promise.reject(refused()), state, options);
    expect(log).toContain('failure=refused: Already taken');
  });

  it('calls onSettled last, after a success and after a failure', async () => {
    for (const action of [() => Promise.resolve(), () => Promise.reject(new Error('down'))]) {
      const { log, state } = recorder();
      await runAction(action, state, { describeError, onSettled: () => log.push('settled') });
      expect(log.at(-1)).toBe('settled');
      expect(log.filter((l) => l === 'settled')).toHaveLength(1);
    }
  });
});
