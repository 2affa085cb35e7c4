import fc from 'fast-check';

// Loaded only by stryker.jest.config.mjs. A mutant that breaks a property makes fast-check shrink
// the counterexample, which can outlast Stryker's timeout; the first failure is enough to kill it.
fc.configureGlobal({ endOnFailure: true });
