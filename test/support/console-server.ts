import { launchBrowser, type BrowserHarness } from './browser.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface ConsoleUnderTest {
  server: TestServer & { dropDatabase(): Promise<void> };
  browser: BrowserHarness;
}

/**
 * For a browser test file: before its tests, the real server on demo data serving the built console
 * (`npm run build:console` first) and a headless browser (`settings` override configuration variables); after them, both closed and the database dropped.
 * The fields are set once `beforeAll` has run.
 */
export function useConsoleUnderTest(settings: Record<string, string> = {}): ConsoleUnderTest {
  const env = {} as ConsoleUnderTest;
  beforeAll(async () => {
    env.server = await startTestServer({
      DEMO_DATA: 'true',
      CONSOLE_DIR: new URL('../../dist/console', import.meta.url).pathname,
      ...settings,
    });
    env.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
    await env.server?.dropDatabase();
  }, 30_000);
  return env;
}
