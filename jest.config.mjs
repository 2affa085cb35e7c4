// Three projects by suffix (STYLE.md, Test conventions): unit (*.spec.ts, pure),
// int (*.int-spec.ts, real SQLite/PostgreSQL/Redis) and e2e (test/**/*.e2e-spec.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const aliases = {
  '^@jejak/workflows$': '<rootDir>/workflows/src/index.ts',
  '^@jejak/(event-store|selections|reminders|audit|auth|documents)$': '<rootDir>/libs/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

// ESM-only packages pulled in by @fastify/static and light-my-request that Jest must transform.
const esmPackages = ['content-disposition', 'cookie', 'canonicalize'];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: aliases,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{workflows,libs,apps,test,bench}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{libs,apps}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
  reporters: ['default', '<rootDir>/test/support/totals-reporter.cjs'],
  collectCoverageFrom: [
    'workflows/src/**/*.ts',
    '!workflows/src/**/*.spec.ts',
    '!workflows/src/testing/**',
    '!workflows/src/**/index.ts',
  ],
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { './workflows/src/': { lines: 95 } },
  maxWorkers: 2,
  // A safety net against hangs, not a speed check: on a loaded 2-core machine a real PostgreSQL
  // or app boot can take seconds; no test depends on timing.
  testTimeout: 60_000,
};
