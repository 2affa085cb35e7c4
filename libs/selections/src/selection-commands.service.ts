import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import {
  handleCommand,
  OPEN_SELECTION,
  type Clock,
  type CommandResult,
  type HandleCommandOptions,
  type IdGenerator,
  type IncomingCommand,
} from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { selectionIdForKey } from './selection-id.js';
import { CLOCK, ID_GENERATOR, PROCEDURES, SELECTIONS_OPTIONS } from './selections.tokens.js';
import type { SelectionsOptions } from './selections-options.js';

export type CommandOptions = Omit<HandleCommandOptions, 'kind'>;

/** The thin injectable around `handleCommand` (the collaborators come from DI). */
@Injectable()
export class SelectionCommands {
  private readonly handle: ReturnType<typeof handleCommand>;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(PROCEDURES) procedures: ProcedureRegistry,
    @Inject(CLOCK) clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(SELECTIONS_OPTIONS) options: SelectionsOptions,
  ) {
    this.handle = handleCommand({
      eventStore,
      procedures,
      clock,
      ids,
      membershipCheck: options.membershipCheck ?? 'off',
    });
  }

  /** `OpenSelection` on a new selection id (derived from the key when one is sent). */
  open(
    kind: string,
    data: Record<string, unknown>,
    actor: Actor,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    const { idempotencyKey } = options;
    const id =
      idempotencyKey === undefined ? this.ids() : selectionIdForKey(actor.sub, idempotencyKey);
    const command = { type: OPEN_SELECTION, data: { ...data, selectionId: id }, actor };
    return this.handle(id, command, { ...options, kind });
  }

  execute(
    selectionId: string,
    command: IncomingCommand,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    return this.handle(selectionId, command, options);
  }
}
