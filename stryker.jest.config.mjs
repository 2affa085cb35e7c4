// The jest configuration Stryker runs (npm run mutate): the unit project only, narrowed to the
// specs under workflows/, without coverage thresholds or the totals reporter. Stryker adds
// --findRelatedTests, so each mutated file is tested by the specs that import it.
import base from './jest.config.mjs';

const unit = base.projects.find((project) => project.displayName === 'unit');

export default {
  ...unit,
  displayName: undefined,
  testMatch: ['<rootDir>/workflows/src/**/*.spec.ts'],
  testTimeout: base.testTimeout,
  setupFilesAfterEnv: ['<rootDir>/test/support/mutation-setup.ts'],
};
