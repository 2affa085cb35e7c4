/**
 * @jejak/event-store: the only entry point. Exports the port, our errors, the Nest module, the
 * framework-free factory, the pure hash chain and the contract suite; never an adapter class or
 * a driver type (see index.spec.ts).
 */
export * from './event-store.port.js';
export { EVENT_STORE, READ_MODEL_STORE } from './event-store.tokens.js';
export {
  AppendLimitError,
  EventStoreClosedError,
  EventStoreError,
  EventStoreFailureError,
  EventStoreUnavailableError,
  InvalidArgumentError,
  InvalidEventError,
  InvalidStreamIdError,
  StreamRevisionConflictError,
} from './event-store.errors.js';
export { EventStoreModule, type EventStoreModuleAsyncOptions } from './event-store.module.js';
export {
  createEventStore,
  DEFAULT_READ_MODELS_PATH,
  OpenedEventStore,
  type EventStoreKind,
  type EventStoreOptions,
  type ReadModelOptions,
} from './create-event-store.js';
export { DEFAULT_SQLITE_PATH } from './embedded/default-path.js';
export {
  GENESIS_HASH,
  canonicalEnvelope,
  canonicalJson,
  chainHash,
  verifyChain,
  type ChainRow,
  type ChainVerdict,
} from './hash-chain.js';
export { MAX_EVENTS_PER_APPEND, MAX_EVENT_BYTES, assertStreamId } from './validation.js';
export type { SubscriptionTiming } from './subscription/polling-subscription.js';
export {
  describeEventStoreContract,
  type ContractFeatures,
} from './testing/event-store.contract.js';
export type {
  ContractSubject,
  ContractSubjectFactory,
  HeldAppend,
  TamperHooks,
} from './testing/contract-subject.js';
export { waitFor } from './testing/wait-for.js';
