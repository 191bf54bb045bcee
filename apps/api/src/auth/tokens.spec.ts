import { jest } from '@jest/globals';
import { TokenService } from './tokens.js';

const claims = { sub: 'u-1', username: 'counselor', role: 'counselor' as const };
const SECRET = 'a-test-secret-of-enough-length-123';

function service(secret = SECRET): TokenService {
  const t = new TokenService();
  t.configure(secret, 15);
  return t;
}

async function issue(t: TokenService, expiresInSeconds: number): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return t.sign(claims, 'session-1', iat, iat + expiresInSeconds);
}

afterEach(() => jest.restoreAllMocks());

describe('TokenService.verify', () => {
  it('answers the same claims for a token it checked before', async () => {
    const t = service();
    const token = await issue(t, 600);
    const first = await t.verify(token);
    expect(first).toMatchObject({ sub: 'u-1', username: 'counselor', role: 'counselor', sid: 'session-1' });
    first.username = 'changed by a caller';
    expect((await t.verify(token)).username).toBe('counselor');
  });

  it('refuses a token it checked before once its expiry has passed', async () => {
    const t = service();
    const token = await issue(t, 60);
    await t.verify(token);
    const later = Date.now() + 61_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    await expect(t.verify(token)).rejects.toThrow('Token expired');
  });

  it('refuses a changed signature and tokens of another secret, also after a valid token was checked', async () => {
    const t = service();
    const token = await issue(t, 600);
    await t.verify(token);
    const [head, body, sig] = token.split('.');
    const flipped = `${head}.${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    await expect(t.verify(flipped)).rejects.toThrow('Invalid token');
    await expect(t.verify(await issue(service('another-secret-of-enough-length-456'), 600))).rejects.toThrow(
      'Invalid token',
    );
  });

  it('forgets what it checked when the secret changes', async () => {
    const t = service();
    const token = await issue(t, 600);
    await t.verify(token);
    t.configure('a-rotated-secret-of-enough-length-789', 15);
    await expect(t.verify(token)).rejects.toThrow('Invalid token');
  });
});
