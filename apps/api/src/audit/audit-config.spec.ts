import { loadApiConfig } from '../api.config.js';

describe('audit configuration', () => {
  it('signs a checkpoint of every moved stream daily by default, with a generated key', () => {
    expect(loadApiConfig({}).audit).toEqual({ checkpointIntervalMs: 86_400_000 });
  });

  it('reads the signing key and an interval, or off', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEI...\\n-----END PRIVATE KEY-----';
    expect(
      loadApiConfig({ AUDIT_SIGNING_KEY: pem, AUDIT_CHECKPOINT_INTERVAL: '6h' }).audit,
    ).toEqual({
      signingKeyPem: pem,
      checkpointIntervalMs: 21_600_000,
    });
    expect(
      loadApiConfig({ AUDIT_CHECKPOINT_INTERVAL: 'off' }).audit.checkpointIntervalMs,
    ).toBeNull();
  });

  it('stops the boot naming AUDIT_CHECKPOINT_INTERVAL when it is not an interval', () => {
    expect(() => loadApiConfig({ AUDIT_CHECKPOINT_INTERVAL: 'daily' })).toThrow(
      /AUDIT_CHECKPOINT_INTERVAL/,
    );
  });
});
