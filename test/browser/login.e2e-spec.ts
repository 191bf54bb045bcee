import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';

// `npm start` serves a working login screen: the built console from the API's own HTTP server, on demo data.
const env = useConsoleUnderTest();

it('logs a coordinator in from the login screen, and refuses a wrong password with a message', async () => {
  const { page, context } = await env.browser.newPage();
  await page.goto(env.server.url);
  await page.locator('input[name="username"]').fill('coordinator');
  await page.locator('input[name="password"]').fill('wrong-password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('alert').first().waitFor();
  expect(await seriousA11yFindings(page)).toEqual([]);
  await env.browser.screenshot(page, 'login-error');
  await page.locator('input[name="password"]').fill('demo-1577-0199');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('incident-queue').waitFor({ timeout: 10_000 });
  await page.getByTestId('team-board').waitFor();
  // The demo's teams reach the board over REST; the map draws the 25 regions without any tile server.
  await page.getByTestId('team-row').first().waitFor();
  // The regions arrive over REST after the team board: wait for the 25th outline before counting.
  await page.locator('.leaflet-container path.leaflet-interactive').nth(24).waitFor({ timeout: 15_000 });
  expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBeGreaterThanOrEqual(25);
  expect(await page.evaluate('document.documentElement.lang')).toMatch(/^(ko|en)$/);
  expect(await seriousA11yFindings(page)).toEqual([]);
  await env.browser.screenshot(page, 'coordinator-home');
  await context.close();
}, 60_000);

// The audit itself must be able to fail: a screen with a nameless button and an image without text fails it, the
// same elements excluded pass it, and an audit after a navigation (which drops the injected axe) injects it again.
it('finds serious accessibility failures on a page that has them', async () => {
  const { page, context } = await env.browser.newPage();
  await page.setContent(
    '<html lang="en"><head><title>t</title></head><body><main><button id="b"></button>' +
      '<img id="i" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
  );
  const found = await seriousA11yFindings(page);
  expect(found.map((f) => f.id).sort()).toEqual(['button-name', 'image-alt']);
  expect(found.find((f) => f.id === 'button-name')?.targets).toEqual(['#b']);
  expect(await seriousA11yFindings(page, { exclude: ['#b', '#i'] })).toEqual([]);
  await page.goto(env.server.url);
  await page.getByTestId('login-form').waitFor();
  expect(await page.evaluate('typeof window.axe')).toBe('undefined');
  expect(await seriousA11yFindings(page)).toEqual([]);
  await context.close();
}, 60_000);
