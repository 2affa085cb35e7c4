import { isSensitiveKey, redact, REDACTED, scrubText } from './redact.js';

describe('redact', () => {
  it('hides tokens and secrets by key, at any depth', () => {
    const out = redact({
      headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-request-id': 'r-1' },
      config: { JWT_SECRET: 's3cr3t', METRICS_TOKEN: 'm', accessToken: 't', password: 'p' },
    });
    expect(out).toEqual({
      headers: { authorization: REDACTED, cookie: REDACTED, 'x-request-id': 'r-1' },
      config: {
        JWT_SECRET: REDACTED,
        METRICS_TOKEN: REDACTED,
        accessToken: REDACTED,
        password: REDACTED,
      },
    });
  });

  it('hides personal data: NIP, names, contacts, health and psychological results', () => {
    const applicant = {
      applicantId: 'a-1',
      nip: '197001011990031001',
      name: 'Yohanes Bere',
      fullName: 'Yohanes Bere, S.H.',
      email: 'y@example.org',
      healthResult: 'sehat',
      psychologicalTest: { score: 71 },
      assessment: { jpm: 82 },
      status: 'MS',
    };
    expect(redact({ applicants: [applicant] })).toEqual({
      applicants: [
        {
          applicantId: 'a-1',
          nip: REDACTED,
          name: REDACTED,
          fullName: REDACTED,
          email: REDACTED,
          healthResult: REDACTED,
          psychologicalTest: REDACTED,
          assessment: REDACTED,
          status: 'MS',
        },
      ],
    });
  });

  it('keeps technical names that carry no personal data readable', () => {
    expect(isSensitiveKey('hostname')).toBe(false);
    expect(isSensitiveKey('correlationId')).toBe(false);
    expect(isSensitiveKey('idempotencyKey')).toBe(false);
    expect(isSensitiveKey('route')).toBe(false);
  });

  it('scrubs bearer tokens, JWTs and NIPs inside free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = `verify failed for Bearer ${jwt} of NIP 19700101 199003 1 001 and ${jwt}`;
    const scrubbed = scrubText(text);
    expect(scrubbed).not.toContain('eyJ');
    expect(scrubbed).not.toContain('19700101');
    expect(scrubbed).toBe(
      `verify failed for Bearer ${REDACTED} of NIP ${REDACTED} and ${REDACTED}`,
    );
  });

  it('scrubs secrets from query strings', () => {
    expect(scrubText('/export?format=csv&token=abc&nip=1')).toBe(
      `/export?format=csv&token=${REDACTED}&nip=${REDACTED}`,
    );
  });

  it('redacts errors, keeping type and stack but scrubbing them', () => {
    const error = Object.assign(new Error('bad Bearer xyz'), { nip: '197001011990031001' });
    expect(redact({ err: error })).toMatchObject({
      err: { type: 'Error', message: `bad Bearer ${REDACTED}`, nip: REDACTED },
    });
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: '[Circular]' });
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20; i += 1) deep = { deeper: deep };
    expect(JSON.stringify(redact(deep))).toContain('[Truncated]');
  });
});
