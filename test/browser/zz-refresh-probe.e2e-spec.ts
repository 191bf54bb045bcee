import { launchBrowser, type BrowserHarness } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer & { dropDatabase(): Promise<void> };
let browser: BrowserHarness;
beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true', ACCESS_TOKEN_MINUTES: '1', CONSOLE_DIR: new URL('../../dist/console', import.meta.url).pathname });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.dropDatabase();
});

async function signIn(page: import('playwright-core').Page) {
  await page.goto(server.url);
  await page.locator('input[name="username"]').fill('coordinator');
  await page.locator('input[name="password"]').fill('demo-1577-0199');
  await page.locator('button[type="submit"]').click();
  await page.locator('.shell[data-synced="true"]').waitFor({ timeout: 15_000 });
}

it('probe', async () => {
  const active = await browser.newPage();
  const idle = await browser.newPage();
  const log: string[] = [];
  const t0 = Date.now();
  const at = () => `${Math.round((Date.now() - t0) / 1000)}s`;
  active.page.on('websocket', (ws) => {
    log.push(`${at()} active ws open`);
    ws.on('close', () => log.push(`${at()} active ws close`));
    ws.on('framesent', (f) => String(f.payload).includes('auth.refresh') && log.push(`${at()} sent ${String(f.payload).slice(0, 30)}`));
    ws.on('framereceived', (f) => /^43/.test(String(f.payload)) && log.push(`${at()} ack ${String(f.payload)}`));
  });
  active.page.on('request', (r) => r.url().includes('/auth/refresh') && log.push(`${at()} POST /auth/refresh`));
  idle.page.on('websocket', (ws) => {
    log.push(`${at()} idle ws open`);
    ws.on('close', () => log.push(`${at()} idle ws close`));
    ws.on('framereceived', (f) => String(f.payload).includes('session.expired') && log.push(`${at()} idle got ${String(f.payload)}`));
  });
  await Promise.all([signIn(active.page), signIn(idle.page)]);
  for (let i = 0; i < 40; i++) {
    await active.page.mouse.move(100 + i, 200);
    await active.page.waitForTimeout(2000);
  }
  const activeBanner = await active.page.getByTestId('connection-banner').count();
  const activeShell = await active.page.locator('.shell').count();
  const idleLogin = await idle.page.getByTestId('login-form').count();
  const idleText = idleLogin ? await idle.page.getByTestId('login-form').textContent() : '';
  console.log(JSON.stringify({ log, activeBanner, activeShell, idleLogin, idleText }, null, 1));
}, 120_000);
