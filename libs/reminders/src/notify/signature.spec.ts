import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './signature.js';

describe('webhook signature', () => {
  const body = JSON.stringify({ selectionId: 'abc', label: 'Batas akhir pendaftaran' });

  it('is the HMAC-SHA256 of the body, hex, prefixed sha256=', () => {
    const hex = createHmac('sha256', 'rahasia').update(body).digest('hex');
    expect(signBody(body, 'rahasia')).toBe(`sha256=${hex}`);
  });

  it('verifies the same body and secret, and nothing else', () => {
    const header = signBody(body, 'rahasia');
    expect(verifySignature(body, header, 'rahasia')).toBe(true);
    expect(verifySignature(`${body} `, header, 'rahasia')).toBe(false);
    expect(verifySignature(body, header, 'lain')).toBe(false);
    expect(verifySignature(body, undefined, 'rahasia')).toBe(false);
    expect(verifySignature(body, 'sha256=00', 'rahasia')).toBe(false);
  });
});
