import { launchBrowser, type BrowserHarness } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// `npm start` serves a working login screen: the built console from the API's own HTTP server, on demo data.
let server: TestServer & { dropDatabase(): Promise<void> };
let browser: BrowserHarness;

beforeAll(async () => {
  server = await startTestServer({ DEMO_DATA: 'true', CONSOLE_DIR: new URL('../../dist/console', import.meta.url).pathname });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await server?.dropDatabase();
});

it('logs a coordinator in from the login screen, and refuses a wrong password with a message', async () => {
  const { page, context } = await browser.newPage();
  await page.goto(server.url);
  await page.locator('input[name="username"]').fill('coordinator');
  await page.locator('input[name="password"]').fill('wrong-password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('alert').first().waitFor();
  await browser.screenshot(page, 'login-error');
  await page.locator('input[name="password"]').fill('demo-1577-0199');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('incident-queue').waitFor({ timeout: 10_000 });
  await page.getByTestId('team-board').waitFor();
  // The demo's teams reach the board over REST; the map draws the 25 regions without any tile server.
  await page.getByTestId('team-row').first().waitFor();
  expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBeGreaterThanOrEqual(25);
  expect(await page.evaluate('document.documentElement.lang')).toMatch(/^(ko|en)$/);
  await browser.screenshot(page, 'coordinator-home');
  await context.close();
}, 60_000);
