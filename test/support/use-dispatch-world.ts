import { startTestServer, type TestServer } from './test-server.js';
import { buildWorld, type World } from './dispatch-world.js';

export interface DispatchWorld {
  server: TestServer;
  world: World;
}

/**
 * The hooks every dispatch-world spec needs: a server on a database of its own (with `env`), the world built on it,
 * and after the file the server stopped and its database dropped. `ready` gets both (to set the spec's own `let`s)
 * and may go on to add what the spec needs, within `timeoutMs`.
 */
export function useDispatchWorld(
  ready: (w: DispatchWorld) => void | Promise<void>,
  { env = {}, timeoutMs = 60_000 }: { env?: Record<string, string>; timeoutMs?: number } = {},
): void {
  let server: (TestServer & { dropDatabase(): Promise<void> }) | undefined;
  beforeAll(async () => {
    server = await startTestServer(env);
    await ready({ server, world: await buildWorld(server) });
  }, timeoutMs);
  afterAll(async () => {
    await server?.stop();
    await server?.dropDatabase();
  }, 30_000);
}
