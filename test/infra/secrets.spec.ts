import { composeSecretProblem } from './secrets.js';

describe('composeSecretProblem (the check the infra test applies to compose files)', () => {
  it('accepts a secret the operator must provide', () => {
    expect(composeSecretProblem('JWT_SECRET', '${JWT_SECRET:?set it}')).toBeNull();
  });

  it('accepts a secret left empty unless the operator sets it', () => {
    expect(composeSecretProblem('METRICS_TOKEN', '${METRICS_TOKEN:-}')).toBeNull();
    expect(composeSecretProblem('WEBHOOK_SECRET', '${WEBHOOK_SECRET}')).toBeNull();
  });

  it('accepts an obvious development placeholder', () => {
    expect(
      composeSecretProblem('POSTGRES_PASSWORD', '${POSTGRES_PASSWORD:-jejak-dev-only}'),
    ).toBeNull();
    expect(
      composeSecretProblem(
        'DATABASE_URL',
        'postgres://jejak:${POSTGRES_PASSWORD:-jejak-dev-only}@db/jejak',
      ),
    ).toBeNull();
  });

  it('flags a literal secret', () => {
    expect(composeSecretProblem('JWT_SECRET', 'hunter2hunter2')).toMatch(/JWT_SECRET/);
    expect(composeSecretProblem('METRICS_TOKEN', '${METRICS_TOKEN:-abc123}')).toMatch(
      /METRICS_TOKEN/,
    );
  });

  it('flags a real password inside a connection string', () => {
    expect(composeSecretProblem('DATABASE_URL', 'postgres://jejak:S3cure!@db:5432/jejak')).toMatch(
      /embeds a password/,
    );
    expect(composeSecretProblem('REDIS_URL', 'redis://redis:6379')).toBeNull();
  });
});
