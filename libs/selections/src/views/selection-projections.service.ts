import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  EVENT_STORE,
  READ_MODEL_STORE,
  type EventStore,
  type ReadModelStore,
  type Subscription,
  type SubscriptionStatus,
} from '@jejak/event-store';
import type { ProcedureRegistry } from '../procedure-registry.js';
import type { SelectionsOptions } from '../selections-options.js';
import { PROCEDURES, SELECTIONS_OPTIONS } from '../selections.tokens.js';
import { selectionSummaryProjector } from './selection-summary.projector.js';

/**
 * Hosts the summaries' checkpointed subscription in this process (unless `runProjections` is
 * false) and stops it before the store closes.
 */
@Injectable()
export class SelectionProjections implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SelectionProjections.name);
  private readonly projector: ReturnType<typeof selectionSummaryProjector>;
  private subscription: Subscription | null = null;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(PROCEDURES) procedures: ProcedureRegistry,
    @Inject(SELECTIONS_OPTIONS) private readonly options: SelectionsOptions,
  ) {
    this.projector = selectionSummaryProjector({ eventStore, readModels, procedures });
  }

  onApplicationBootstrap(): void {
    if (this.options.runProjections === false) return;
    this.subscription = this.projector.subscribe();
    this.logger.log('selection summaries follow the store');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  /** For health checks: lag and whether the subscription has caught up (null when not hosted). */
  status(): SubscriptionStatus | null {
    return this.subscription?.status() ?? null;
  }

  rebuild(): Promise<{ events: number }> {
    return this.projector.rebuild();
  }
}
