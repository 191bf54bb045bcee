import { MAX_SKEW_SECONDS, signatureMatches, signBody } from './signature.js';

describe('telephony signature', () => {
  const body = Buffer.from('{"callerNumber":"010-0000-0001"}');
  const now = new Date('2026-11-22T03:00:00Z');
  const ts = Math.floor(now.getTime() / 1000);

  it('accepts the HMAC of the timestamp and the exact raw body, in either hex case', () => {
    const header = signBody('s3cret', body, ts);
    expect(signatureMatches('s3cret', body, header, String(ts), now)).toBe(true);
    const upper = header.replace(/[a-f]/g, (c) => c.toUpperCase()).replace('SHA256', 'sha256');
    expect(signatureMatches('s3cret', body, upper, String(ts), now)).toBe(true);
  });

  it('refuses another secret, another body, a malformed or missing header', () => {
    const header = signBody('s3cret', body, ts);
    expect(signatureMatches('other', body, header, String(ts), now)).toBe(false);
    expect(signatureMatches('s3cret', Buffer.from('{"callerNumber":"010-0000-0002"}'), header, String(ts), now)).toBe(
      false,
    );
    expect(signatureMatches('s3cret', body, header.slice(0, -2), String(ts), now)).toBe(false);
    expect(signatureMatches('s3cret', body, 'md5=abc', String(ts), now)).toBe(false);
    expect(signatureMatches('s3cret', body, undefined, String(ts), now)).toBe(false);
  });

  it('refuses a missing, malformed, altered or stale timestamp', () => {
    const header = signBody('s3cret', body, ts);
    expect(signatureMatches('s3cret', body, header, undefined, now)).toBe(false);
    expect(signatureMatches('s3cret', body, header, 'soon', now)).toBe(false);
    expect(signatureMatches('s3cret', body, header, String(ts + 1), now)).toBe(false);
    const old = ts - MAX_SKEW_SECONDS - 1;
    expect(signatureMatches('s3cret', body, signBody('s3cret', body, old), String(old), now)).toBe(false);
    const edge = ts - MAX_SKEW_SECONDS;
    expect(signatureMatches('s3cret', body, signBody('s3cret', body, edge), String(edge), now)).toBe(true);
  });
});
