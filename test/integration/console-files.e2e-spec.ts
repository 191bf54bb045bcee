import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Issue 12: the console's files are looked for only on the console's paths. Express ran the file server before the
// API's routes, so every API request looked for a file of its path on disk first; a file there would even have
// answered in the API's place. API answers carry no ETag (Express hashed every body for it; they are no-store).
const dir = mkdtempSync(join(tmpdir(), 'crisis-console-files-'));
let server: TestServer & { dropDatabase(): Promise<void> };

beforeAll(async () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
  // Decoys with the API's, the socket's and the metrics' paths: none may ever be served.
  mkdirSync(join(dir, 'api', 'v1'), { recursive: true });
  writeFileSync(join(dir, 'api', 'v1', 'config'), 'a file, not the API');
  mkdirSync(join(dir, 'socket.io'));
  writeFileSync(join(dir, 'socket.io', 'x'), 'a file, not the socket');
  writeFileSync(join(dir, 'metrics'), 'a file, not the metrics');
  server = await startTestServer({ CONSOLE_DIR: dir });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await server?.dropDatabase();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the console files with their ETag, and the app shell for client-side routes', async () => {
  const file = await fetch(`${server.url}/assets/app.js`);
  expect(file.status).toBe(200);
  expect(await file.text()).toBe('console.log(1);');
  expect(file.headers.get('etag')).toBeTruthy();
  expect(file.headers.get('cache-control')).toBe('public, max-age=3600');

  const route = await fetch(`${server.url}/incidents/123`, { headers: { accept: 'text/html' } });
  expect(route.status).toBe(200);
  expect(await route.text()).toContain('<title>shell</title>');
});

it('answers the API, the socket path and the metrics from the server, never from a file of the same path', async () => {
  const config = await fetch(`${server.url}/api/v1/config`);
  expect(config.status).toBe(200);
  expect(config.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await config.json()).toEqual(expect.objectContaining({ mapCenter: expect.anything() }));
  expect(config.headers.get('etag')).toBeNull();
  expect(config.headers.get('cache-control')).toBe('no-store');

  const socket = await fetch(`${server.url}/socket.io/x`);
  expect(await socket.text()).not.toContain('a file');
  const metrics = await fetch(`${server.url}/metrics`);
  expect(await metrics.text()).not.toContain('a file');

  const unknown = await fetch(`${server.url}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toEqual(expect.objectContaining({ code: 'NOT_FOUND' }));
});

it('sends no ETag with an authenticated JSON list either', async () => {
  const { accessToken } = await server.login('admin');
  const res = await server.api('GET', '/users', { token: accessToken });
  expect(res.status).toBe(200);
  expect(res.headers.get('etag')).toBeNull();
});
