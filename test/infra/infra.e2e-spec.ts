import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REMINDER_CONFIG_KEYS } from '@jejak/reminders';
import { CONFIG_KEYS } from '../../apps/api/src/api.config.js';
import {
  envExampleKeys,
  readCompose,
  readManifests,
  readText,
  ROOT,
  type Container,
  type Manifest,
} from './infra-files.js';
import { composeSecretProblem, CREDENTIAL_URL, SECRET_NAME } from './secrets.js';

const COMPOSE_FILES = ['infra/docker-compose.yml', 'infra/docker-compose.postgres.yml'];
const API_ENTRY = 'dist/apps/api/src/main.js';
const WORKER_ENTRY = 'dist/apps/worker/src/main.js';

const manifests = readManifests();
const ofKind = (kind: string) => manifests.map((m) => m.manifest).filter((m) => m.kind === kind);
const deployment = (name: string): Manifest => {
  const found = ofKind('Deployment').find((m) => m.metadata.name === name);
  if (found === undefined) throw new Error(`no Deployment ${name} in infra/k8s`);
  return found;
};
const containersOf = (m: Manifest): Container[] => m.spec?.template?.spec.containers ?? [];
const configMap = ofKind('ConfigMap').find((m) => m.metadata.name === 'jejak-config');

describe('the typed config and the deployment files agree', () => {
  it('reads a non-empty, duplicate-free list of variables', () => {
    expect(CONFIG_KEYS.length).toBeGreaterThan(5);
    expect(new Set(CONFIG_KEYS).size).toBe(CONFIG_KEYS.length);
  });

  it('lists every variable the reminders read', () => {
    const listed = new Set<string>(CONFIG_KEYS);
    expect(REMINDER_CONFIG_KEYS.filter((key) => !listed.has(key))).toEqual([]);
  });

  it('documents every variable in .env.example', () => {
    const documented = envExampleKeys();
    expect(CONFIG_KEYS.filter((key) => !documented.has(key))).toEqual([]);
  });

  it.each(COMPOSE_FILES)('sets every variable on the api and the worker in %s', (file) => {
    const { services } = readCompose(file);
    for (const name of ['api', 'worker']) {
      const environment = services[name]?.environment ?? {};
      const missing = CONFIG_KEYS.filter((key) => !(key in environment));
      expect({ service: name, missing }).toEqual({ service: name, missing: [] });
    }
  });

  it('gives every variable to both Deployments: in the ConfigMap, or as a Secret reference', () => {
    expect(configMap).toBeDefined();
    for (const name of ['jejak-api', 'jejak-worker']) {
      for (const container of containersOf(deployment(name))) {
        expect(container.envFrom).toContainEqual({ configMapRef: { name: 'jejak-config' } });
        const provided = new Set([
          ...Object.keys(configMap?.data ?? {}),
          ...(container.env ?? []).map((variable) => variable.name),
        ]);
        expect({
          container: name,
          missing: CONFIG_KEYS.filter((key) => !provided.has(key)),
        }).toEqual({
          container: name,
          missing: [],
        });
      }
    }
  });
});

describe('no secret value is committed', () => {
  it.each(COMPOSE_FILES)(
    '%s takes secrets from the operator or uses obvious dev placeholders',
    (file) => {
      const { services } = readCompose(file);
      const problems = Object.entries(services).flatMap(([service, definition]) =>
        Object.entries(definition.environment ?? {})
          // A key without a value is passed through from the operator's shell: nothing committed.
          .filter(([, value]) => value !== null)
          .map(([name, value]) => composeSecretProblem(name, String(value)))
          .filter((problem) => problem !== null)
          .map((problem) => `${service}: ${problem}`),
      );
      expect(problems).toEqual([]);
    },
  );

  it('the compose files never set JWT_SECRET to a value', () => {
    for (const file of COMPOSE_FILES) {
      for (const definition of Object.values(readCompose(file).services)) {
        const secret = definition.environment?.JWT_SECRET;
        if (secret !== undefined) expect(secret).toMatch(/^\$\{JWT_SECRET:\?/);
      }
    }
  });

  it('.env.example leaves every secret empty', () => {
    const assigned = [...readText('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)];
    const filled = assigned.filter(
      ([, name, value]) => SECRET_NAME.test(name!) && value!.trim() !== '',
    );
    expect(filled.map(([line]) => line)).toEqual([]);
  });

  it('the Kubernetes manifests hold no Secret object and no secret value', () => {
    expect(ofKind('Secret')).toEqual([]);
    const configData = configMap?.data ?? {};
    expect(Object.keys(configData).filter((key) => SECRET_NAME.test(key))).toEqual([]);
    expect(
      Object.entries(configData).filter(([, value]) => CREDENTIAL_URL.test(value ?? '')),
    ).toEqual([]);
    for (const m of ofKind('Deployment')) {
      for (const container of containersOf(m)) {
        const literal = (container.env ?? []).filter(
          (variable) =>
            SECRET_NAME.test(variable.name) && variable.valueFrom?.secretKeyRef === undefined,
        );
        expect(literal).toEqual([]);
        const refs = (container.env ?? []).flatMap((v) => v.valueFrom?.secretKeyRef ?? []);
        expect(refs.every((ref) => ref.name === 'jejak-secrets')).toBe(true);
      }
    }
  });
});

describe('docker-compose', () => {
  it('runs KurrentDB single node, insecure, on 127.0.0.1 only, with a health check', () => {
    const { kurrentdb } = readCompose('infra/docker-compose.yml').services;
    expect(kurrentdb?.image).toMatch(/^kurrentplatform\/kurrentdb:/);
    expect(kurrentdb?.environment).toMatchObject({
      KURRENTDB_CLUSTER_SIZE: '1',
      KURRENTDB_INSECURE: 'true',
    });
    expect(kurrentdb?.healthcheck?.test.join(' ')).toContain('/health/live');
  });

  it.each(COMPOSE_FILES)('%s: Redis 7 never evicts and keeps an AOF; PostgreSQL is 16', (file) => {
    const { redis, postgres } = readCompose(file).services;
    expect(redis?.image).toMatch(/^redis:7/);
    const command = redis?.command?.join(' ') ?? '';
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
    expect(postgres?.image).toMatch(/^postgres:16/);
  });

  it.each(COMPOSE_FILES)('%s: every published port is bound to 127.0.0.1', (file) => {
    const ports = Object.values(readCompose(file).services).flatMap(
      (service) => service.ports ?? [],
    );
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.filter((port) => !port.startsWith('127.0.0.1:'))).toEqual([]);
  });

  it.each(COMPOSE_FILES)('%s: api and worker build from the repository Dockerfile', (file) => {
    const { services } = readCompose(file);
    for (const name of ['api', 'worker']) {
      expect(services[name]?.build).toEqual({ context: '..', dockerfile: 'Dockerfile' });
      for (const dependency of Object.values(services[name]?.depends_on ?? {})) {
        expect(dependency.condition).toBe('service_healthy');
      }
    }
    expect(services.worker?.command).toEqual(['node', WORKER_ENTRY]);
  });

  it.each(COMPOSE_FILES)('%s: every service has a health check', (file) => {
    const unchecked = Object.entries(readCompose(file).services)
      .filter(([, service]) => service.healthcheck === undefined)
      .map(([name]) => name);
    expect(unchecked).toEqual([]);
  });

  it('the PostgreSQL-only file runs on PostgreSQL without KurrentDB', () => {
    const { services } = readCompose('infra/docker-compose.postgres.yml');
    expect(services.kurrentdb).toBeUndefined();
    expect(services.api?.environment?.EVENT_STORE).toBe('postgres');
  });
});

describe('Kubernetes', () => {
  it('runs 3 api and 2 worker replicas with the right entry points', () => {
    expect(deployment('jejak-api').spec?.replicas).toBe(3);
    expect(deployment('jejak-worker').spec?.replicas).toBe(2);
    expect(containersOf(deployment('jejak-api'))[0]?.command).toEqual(['node', API_ENTRY]);
    expect(containersOf(deployment('jejak-worker'))[0]?.command).toEqual(['node', WORKER_ENTRY]);
  });

  it.each(['jejak-api', 'jejak-worker'])('%s: probes, requests and limits, non-root', (name) => {
    const m = deployment(name);
    expect(m.spec?.template?.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    for (const container of containersOf(m)) {
      expect(container.readinessProbe?.httpGet?.path).toBe('/health');
      expect(container.livenessProbe?.httpGet?.path).toBe('/health');
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(container.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false });
    }
  });

  it('selects the pods it means: Service and PodDisruptionBudgets match the Deployments', () => {
    const labels = (name: string) => deployment(name).spec?.template?.metadata.labels ?? {};
    const [service] = ofKind('Service');
    expect(labels('jejak-api')).toMatchObject(service?.spec?.selector ?? { none: 'none' });
    const budgets = ofKind('PodDisruptionBudget');
    expect(budgets.map((b) => b.metadata.name).sort()).toEqual(['jejak-api', 'jejak-worker']);
    for (const budget of budgets) {
      expect(labels(budget.metadata.name)).toMatchObject(budget.spec?.selector?.matchLabels ?? {});
      expect(budget.spec?.minAvailable).toBeLessThan(
        deployment(budget.metadata.name).spec!.replicas!,
      );
    }
  });

  it('lists every manifest in the kustomization', () => {
    const kustomization = readText('infra/k8s/kustomization.yaml');
    for (const file of new Set(manifests.map((m) => m.file))) expect(kustomization).toContain(file);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readText('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1) ?? '';

  it('builds in one stage (compilers for native modules, install, build) and runs in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages[0]!;
    expect(build).toMatch(/apt-get install[^\n]*python3[^\n]*make[^\n]*g\+\+/);
    expect(build).toContain('COPY package.json package-lock.json');
    expect(build).toContain('npm install --no-audit --no-fund');
    expect(build).toContain('npm run build');
    expect(build).toContain('npm prune --omit=dev');
    expect(runtime).not.toMatch(/apt-get|g\+\+|npm install/);
  });

  it('runs as a non-root user with a health check on /health and the api entry point', () => {
    expect(runtime).toMatch(/^USER (?!root)\w+/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
    expect(runtime).toContain(`CMD ["node", "${API_ENTRY}"]`);
  });

  it('keeps the build context small and secret-free', () => {
    const ignored = readText('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', '.git', '.env'])
      expect(ignored).toContain(entry);
  });

  it('names entry points the build produces (sources exist for both)', () => {
    for (const entry of [API_ENTRY, WORKER_ENTRY]) {
      const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect({ entry, exists: existsSync(join(ROOT, source)) }).toEqual({ entry, exists: true });
    }
  });
});
