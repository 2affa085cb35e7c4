/** @jejak/selections: the application layer (commands, queries, read models) and its module. */
export {
  handleCommand,
  OPEN_SELECTION,
  type Clock,
  type CommandResult,
  type HandleCommandDeps,
  type HandleCommandOptions,
  type IdGenerator,
  type IncomingCommand,
} from './handle-command.js';
export { FoldCache, type LoadedSelection } from './selection-loader.js';
export { RevisionCache } from './revision-cache.js';
export {
  authorizeCommand,
  committeeMembers,
  COMMITTEE_EVENTS,
  type MembershipCheck,
} from './authorize-command.js';
export {
  commandSpecOf,
  commandTypesOf,
  type AnyProcedure,
  type ProcedureRegistry,
} from './procedure-registry.js';
export * from './selections.errors.js';
export { presentEvent, toWitaIso, type SelectionEventView } from './selection-event.js';
export { selectionIdOf, streamIdOf, toDomainEvent } from './selection-stream.js';
export { selectionIdForKey } from './selection-id.js';
export {
  SELECTION_SUMMARIES,
  evolveSummary,
  summaryOfStream,
  summaryViewOf,
  type SelectionSummaryView,
  type SummaryState,
} from './views/selection-summary.projection.js';
export {
  SUMMARY_SUBSCRIBER,
  rebuildProjections,
  selectionSummaryProjector,
  type ProjectorDeps,
} from './views/selection-summary.projector.js';
export {
  selectionQueries,
  type EventPage,
  type HistoricState,
  type QueryDeps,
  type SelectionDetailView,
  type SelectionList,
  type SelectionListQuery,
  type StateAsOf,
} from './queries/selection-queries.js';
export { CLOCK, ID_GENERATOR, PROCEDURES, SELECTIONS_OPTIONS } from './selections.tokens.js';
export type { SelectionsOptions } from './selections-options.js';
export { SelectionCommands, type CommandOptions } from './selection-commands.service.js';
export { SelectionQueries } from './selection-queries.service.js';
export { SelectionProjections } from './views/selection-projections.service.js';
export {
  SelectionsCoreModule,
  type SelectionsCoreModuleAsyncOptions,
} from './selections-core.module.js';
export {
  commandCatalog,
  commandEntry,
  statesAccepting,
  type CommandEntry,
} from './procedure-catalog.js';
