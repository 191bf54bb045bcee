import { DomainError } from '../common/errors.js';
import { RequestSpacer } from './request-spacer.js';

const settle = () => new Promise((r) => setImmediate(r));

describe('RequestSpacer', () => {
  it('sends one request at a time, in order, and refuses with 429 beyond the waiting limit', async () => {
    const spacer = new RequestSpacer(0, 2);
    const started: string[] = [];
    let release!: () => void;
    const first = spacer.run(() => {
      started.push('a');
      return new Promise<string>((r) => (release = () => r('a')));
    });
    await settle();
    const second = spacer.run(async () => (started.push('b'), 'b'));
    const third = spacer.run(async () => (started.push('c'), 'c'));
    let refused: unknown;
    try {
      void spacer.run(async () => 'd');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('RATE_LIMITED');
    await settle();
    // The first is still in flight: nothing else has gone out.
    expect(started).toEqual(['a']);
    release();
    expect(await Promise.all([first, second, third])).toEqual(['a', 'b', 'c']);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('goes on after a failed request', async () => {
    const spacer = new RequestSpacer(0);
    const failed = spacer.run(() => Promise.reject(new Error('down')));
    const next = spacer.run(async () => 'ok');
    await expect(failed).rejects.toThrow('down');
    await expect(next).resolves.toBe('ok');
  });
});
