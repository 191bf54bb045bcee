import { seriousA11yFindings } from '../support/axe.js';
import { useConsoleUnderTest } from '../support/console-server.js';

// Issue 11: the console is served with a strict Content-Security-Policy (no inline script, same origin only; no
// tile host because MAP_TILE_URL is unset here), and still works under it in Chromium, in Korean and English.
const env = useConsoleUnderTest();

it('serves / with a CSP that allows no inline script, and the console works under it', async () => {
  const res = await fetch(env.server.url, { headers: { accept: 'text/html' } });
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src-attr 'none'");
  // The only relaxation: inline style attributes (Leaflet positions markers with them); never for script.
  expect(csp.replace("style-src-attr 'unsafe-inline'", '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-powered-by')).toBeNull();

  const { page, context } = await env.browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(env.server.url);
  // A violation report from the page itself, for anything the console log would not show.
  await page.evaluate(`window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.locator('input[name="username"]').fill('coordinator');
  await page.locator('input[name="password"]').fill('demo-1577-0199');
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('incident-queue').waitFor({ timeout: 15_000 });
  await page.getByTestId('team-row').first().waitFor();
  // The map (Leaflet: scripted styles, SVG paths) draws the regions; the live socket connects under connect-src 'self'.
  // The regions arrive over REST after the team board: wait for the 25th outline before counting.
  await page.locator('.leaflet-container path.leaflet-interactive').nth(24).waitFor({ timeout: 15_000 });
  expect(await page.locator('.leaflet-container path.leaflet-interactive').count()).toBeGreaterThanOrEqual(25);
  expect(await seriousA11yFindings(page)).toEqual([]);
  // The same screen in the other language (the console opens in Korean; the switch toggles).
  const before = await page.evaluate<string>('document.documentElement.lang');
  await page.getByTestId('language-switch').click();
  await page.locator(`html[lang="${before === 'ko' ? 'en' : 'ko'}"]`).waitFor({ state: 'attached' });
  expect(await seriousA11yFindings(page)).toEqual([]);
  expect(await page.evaluate('window.cspViolations')).toEqual([]);
  expect(violations).toEqual([]);
  await env.browser.screenshot(page, 'csp-coordinator');
  await context.close();
}, 90_000);
