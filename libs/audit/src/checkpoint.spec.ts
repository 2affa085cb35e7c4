import { anchoredHashes, checkCheckpoint, signCheckpoint } from './checkpoint.js';
import { verifierOf } from './signing-key.js';
import { aTestSigner } from './testing/test-signer.js';

describe('signed checkpoints (Ed25519)', () => {
  const signer = aTestSigner();
  const checkpoint = signCheckpoint(signer, {
    streamId: 'selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001',
    revision: 4,
    headHash: 'e'.repeat(64),
    checkpointedAt: '2024-05-25T00:00:00.000Z',
    fromRevision: 3,
    hashes: ['d'.repeat(64), 'e'.repeat(64)],
  });

  it('names the key by the SHA-256 of its public key and verifies with it', () => {
    expect(checkpoint.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(checkpoint.keyId).toBe(signer.keyId);
    expect(checkCheckpoint(checkpoint, [verifierOf(signer)])).toBe('valid');
  });

  it('is forged when any signed member changes', () => {
    const verifiers = [verifierOf(signer)];
    expect(checkCheckpoint({ ...checkpoint, revision: 5 }, verifiers)).toBe('forged');
    expect(checkCheckpoint({ ...checkpoint, headHash: 'f'.repeat(64) }, verifiers)).toBe('forged');
    expect(
      checkCheckpoint({ ...checkpoint, hashes: ['0'.repeat(64), 'e'.repeat(64)] }, verifiers),
    ).toBe('forged');
  });

  it('cannot be judged with another key', () => {
    expect(checkCheckpoint(checkpoint, [verifierOf(aTestSigner())])).toBe('unknown-key');
  });

  it('vouches for each listed hash and the head', () => {
    expect([...anchoredHashes(checkpoint)]).toEqual([
      [3, 'd'.repeat(64)],
      [4, 'e'.repeat(64)],
    ]);
  });
});
