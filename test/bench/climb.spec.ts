import { climb } from './climb.js';

// The benchmark's rate search: which rate each server is read as holding, given which steps fail.

const RATES = [10, 20, 35, 50, 60, 70];

/** A server whose steps fail at the given (rate, attempt) pairs, attempts counted from 0 for each rate. */
function server(failing: [rate: number, attempt: number][]) {
  const attempts = new Map<number, number>();
  return (rate: number): { rate: number; attempt: number; held: boolean } => {
    const attempt = attempts.get(rate) ?? 0;
    attempts.set(rate, attempt + 1);
    return { rate, attempt, held: !failing.some(([r, a]) => r === rate && a === attempt) };
  };
}

async function search(...servers: ReturnType<typeof server>[]) {
  const order: string[] = [];
  const result = await climb(
    servers.length,
    RATES,
    (i, rate) => {
      order.push(`${i}@${rate}`);
      return Promise.resolve(servers[i](rate));
    },
    (r) => r.held,
  );
  return { result, order };
}

it('reads a server that holds every step as holding the top rate', async () => {
  const { result } = await search(server([]));
  expect(result[0].held).toBe(70);
  expect(result[0].steps).toHaveLength(RATES.length);
});

it('runs a failed step once again and goes on when the second attempt holds', async () => {
  const { result } = await search(server([[35, 0]]));
  expect(result[0].held).toBe(70);
  expect(result[0].steps.map((s) => `${s.rate}/${s.attempt}`)).toEqual([
    '10/0',
    '20/0',
    '35/0',
    '35/1',
    '50/0',
    '60/0',
    '70/0',
  ]);
});

it('gives every rate its own second chance: failures at two rates do not end the climb', async () => {
  const { result } = await search(
    server([
      [20, 0],
      [50, 0],
    ]),
  );
  expect(result[0].held).toBe(70);
});

it('ends the climb at a rate that fails twice in a row, reading the rate below it as held', async () => {
  const { result } = await search(
    server([
      [50, 0],
      [50, 1],
    ]),
  );
  expect(result[0].held).toBe(35);
  expect(result[0].steps.map((s) => s.rate)).toEqual([10, 20, 35, 50, 50]);
});

it('lets the servers take turns at each rate, and goes on with the others when one has ended', async () => {
  const { result, order } = await search(
    server([
      [20, 0],
      [20, 1],
    ]),
    server([]),
  );
  expect(result.map((r) => r.held)).toEqual([10, 70]);
  expect(order.slice(0, 6)).toEqual(['0@10', '1@10', '0@20', '0@20', '1@20', '1@35']);
  expect(order.filter((o) => o.startsWith('0@'))).toHaveLength(3);
});

it('stops when every climb has ended', async () => {
  const { result, order } = await search(
    server([
      [10, 0],
      [10, 1],
    ]),
    server([
      [20, 0],
      [20, 1],
    ]),
  );
  expect(result.map((r) => r.held)).toEqual([0, 10]);
  expect(order).toEqual(['0@10', '0@10', '1@10', '1@20', '1@20']);
});
