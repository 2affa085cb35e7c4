import { appendContract } from './contract/append.contract.js';
import { concurrencyContract } from './contract/concurrency.contract.js';
import { inFlightContract } from './contract/in-flight.contract.js';
import { durabilityContract, tamperContract } from './contract/integrity.contract.js';
import { queriesContract, readModelContract } from './contract/queries.contract.js';
import { subscriptionContract } from './contract/subscription.contract.js';
import type { ContractSubject, ContractSubjectFactory } from './contract-subject.js';

/**
 * What an adapter can take part in beyond the core cases. A feature left out is not tested
 * (and not reported as passing): say in the adapter's spec why it does not apply.
 */
export type ContractFeatures = {
  /** Tamper hooks that change the storage directly. */
  tampering?: boolean;
  /** Close and reopen on the same storage. */
  durability?: boolean;
  /** A ReadModelStore beside the events. */
  readModels?: boolean;
  /** Concurrent real transactions: the sequence-gap test and dropped connections. */
  inFlightTransactions?: boolean;
};

/**
 * The one contract every EventStore adapter must pass (emmett `features.ts` style): each test
 * gets a freshly opened store from `factory`, closed after it.
 */
export function describeEventStoreContract(
  name: string,
  factory: ContractSubjectFactory,
  features: ContractFeatures = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let current: ContractSubject | null = null;
    const subject = (): ContractSubject => {
      if (!current) throw new Error('no store open');
      return current;
    };
    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      await current?.close();
      current = null;
    });

    appendContract(subject);
    concurrencyContract(subject);
    subscriptionContract(subject);
    queriesContract(subject);
    if (features.readModels) readModelContract(subject);
    if (features.tampering) describe('tamper detection', () => tamperContract(subject));
    if (features.durability) {
      describe('durability', () => durabilityContract(subject, (next) => (current = next)));
    }
    if (features.inFlightTransactions)
      describe('in-flight transactions', () => inFlightContract(subject));
  });
}
