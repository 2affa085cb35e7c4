// Mutation testing of the rule files (docs/mutation-testing.md). Start it with `npm run mutate`
// (scripts/mutate.mjs), which runs Stryker once per file and sets MUTATE_FILE; not part of
// `npm test` or CI: every file takes minutes on 2 cores.
import { basename } from 'node:path';

/** The rule, check, eligibility and deadline files of both procedures, and the calendar. */
export const MUTATE = [
  'workflows/src/**/*.rules.ts',
  'workflows/src/**/*.checks-*.ts',
  'workflows/src/**/*.eligibility.ts',
  'workflows/src/**/*.deadlines.ts',
  'workflows/src/core/calendar.ts',
];

/** One file, optionally with a line range: `path/to/file.ts` or `path/to/file.ts:84-122`. */
const file = process.env.MUTATE_FILE;
const [path, range] = (file ?? '').split(':');
// One report and one incremental file per mutated file: a run on one file keeps the others'.
const name = file ? `${basename(path, '.ts')}${range ? `.L${range}` : ''}` : 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // ESM: jest needs the VM modules flag in every test runner process Stryker starts.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'stryker.jest.config.mjs',
    // Only the specs whose imports reach the mutated file run at all.
    enableFindRelatedTests: true,
  },
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: 'perTest',
  mutate: file ? [file] : [...MUTATE, '!workflows/src/**/*.spec.ts'],
  ignorePatterns: ['dist', 'data', 'coverage', 'test/artifacts', 'bench/results', '.tools'],
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${name}.json`,
  reporters: ['html', 'json', 'clear-text', 'progress-append-only'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true },
  concurrency: 1,
  // Each mutant re-runs jest over the related specs (ESM: ~15 s of module loading on 2 cores).
  // On a shared, loaded machine a short timeout turns slow runs into false "timeout" kills.
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
