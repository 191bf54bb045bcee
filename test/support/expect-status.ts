/**
 * Awaits a request and expects its HTTP status (Jest shows both numbers on a mismatch); returns the response so a
 * test can go on to read its body.
 */
export async function expectStatus<R extends { status: number }>(request: Promise<R>, status: number): Promise<R> {
  const res = await request;
  expect(res.status).toBe(status);
  return res;
}
