import { signatureMatches, signBody } from './signature.js';

describe('telephony signature', () => {
  const body = Buffer.from('{"callerNumber":"010-0000-0001"}');

  it('accepts the HMAC of the exact raw body, in either hex case', () => {
    const header = signBody('s3cret', body);
    expect(signatureMatches('s3cret', body, header)).toBe(true);
    expect(signatureMatches('s3cret', body, header.replace(/[a-f]/g, (c) => c.toUpperCase()).replace('SHA256', 'sha256'))).toBe(true);
  });

  it('refuses another secret, another body, a malformed or missing header', () => {
    const header = signBody('s3cret', body);
    expect(signatureMatches('other', body, header)).toBe(false);
    expect(signatureMatches('s3cret', Buffer.from('{"callerNumber":"010-0000-0002"}'), header)).toBe(false);
    expect(signatureMatches('s3cret', body, header.slice(0, -2))).toBe(false);
    expect(signatureMatches('s3cret', body, 'md5=abc')).toBe(false);
    expect(signatureMatches('s3cret', body, undefined)).toBe(false);
  });
});
