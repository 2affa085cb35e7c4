import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  READ_MODEL_STORE,
  type EventStore,
  type ReadModelStore,
} from '@jejak/event-store';
import type { Clock } from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { selectionQueries } from './queries/selection-queries.js';
import { CLOCK, PROCEDURES } from './selections.tokens.js';

/** The injectable face of `selectionQueries` (list, detail, events, state as of). */
@Injectable()
export class SelectionQueries {
  private readonly queries: ReturnType<typeof selectionQueries>;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(PROCEDURES) procedures: ProcedureRegistry,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.queries = selectionQueries({ eventStore, readModels, procedures, clock });
  }

  get summary() {
    return this.queries.summary;
  }
  get detail() {
    return this.queries.detail;
  }
  get list() {
    return this.queries.list;
  }
  get events() {
    return this.queries.events;
  }
  get stateAt() {
    return this.queries.stateAt;
  }
}
