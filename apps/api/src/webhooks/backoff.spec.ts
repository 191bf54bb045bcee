import { backoffSeconds } from './webhook-dispatcher.js';

describe('webhook backoff', () => {
  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 7].map((n) => backoffSeconds(10, n))).toEqual([10, 20, 40, 80, 640]);
  });

  it('never waits more than six hours', () => {
    expect(backoffSeconds(3600, 10)).toBe(6 * 3600);
  });
});
