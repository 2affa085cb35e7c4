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
import { authorizeCommand } from './authorize-command.js';
import { commandSpecOf, commandTypesOf, type ProcedureRegistry } from './procedure-registry.js';
import { kindOfStream, streamIdOf } from './selection-stream.js';
import { SelectionNotFoundError, UnknownCommandError } from './selections.errors.js';
import { selectionIdForKey } from './selection-id.js';
import { CLOCK, ID_GENERATOR, PROCEDURES, SELECTIONS_OPTIONS } from './selections.tokens.js';
import type { SelectionsOptions } from './selections-options.js';

export type CommandOptions = Omit<HandleCommandOptions, 'kind'> & {
  /** `OpenSelection` only: when the selection was opened, if not when it is recorded. */
  effectiveAt?: string | undefined;
};

/** The thin injectable around `handleCommand` (the collaborators come from DI). */
@Injectable()
export class SelectionCommands {
  private readonly handle: ReturnType<typeof handleCommand>;

  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(PROCEDURES) private readonly procedures: ProcedureRegistry,
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

  /**
   * Before the body is even validated (as a guard would): 404 for a command no procedure has, no
   * such selection, or a command its procedure lacks; 403 for the caller's role. Returns the kind.
   */
  async authorize(selectionId: string, type: string, actor: Actor): Promise<string> {
    if (!commandTypesOf(this.procedures).includes(type)) throw new UnknownCommandError(type);
    // A selection folded here before needs no read: a stream's kind never changes.
    const kind = this.handle.kindOf(selectionId) ?? (await this.kindInStore(selectionId));
    const procedure = kind === undefined ? undefined : this.procedures[kind];
    if (kind === undefined || procedure === undefined)
      throw new SelectionNotFoundError(selectionId);
    if (!commandSpecOf(procedure, type)) throw new UnknownCommandError(type, kind);
    authorizeCommand(procedure, type, actor, []);
    return kind;
  }

  private async kindInStore(selectionId: string): Promise<string | undefined> {
    const [first] = await this.eventStore.readStream(streamIdOf(selectionId), { maxCount: 1 });
    return first === undefined ? undefined : kindOfStream([first]);
  }

  /** The 403 of `POST /selections` before its body is validated. */
  authorizeOpen(kind: string, actor: Actor): void {
    const procedure = this.procedures[kind];
    if (procedure) authorizeCommand(procedure, OPEN_SELECTION, actor, []);
  }

  /** `OpenSelection` on a new selection id (derived from the key when one is sent). */
  open(
    kind: string,
    data: Record<string, unknown>,
    actor: Actor,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    const { idempotencyKey, effectiveAt, ...rest } = options;
    const id =
      idempotencyKey === undefined ? this.ids() : selectionIdForKey(actor.sub, idempotencyKey);
    const command = {
      type: OPEN_SELECTION,
      data: { ...data, selectionId: id },
      actor,
      effectiveAt,
    };
    return this.handle(id, command, { ...rest, idempotencyKey, kind });
  }

  execute(
    selectionId: string,
    command: IncomingCommand,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    return this.handle(selectionId, command, options);
  }
}
