import { randomUUID } from 'node:crypto';
import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { procedures as allProcedures } from '@jejak/workflows';
import type { Clock, IdGenerator } from './handle-command.js';
import type { ProcedureRegistry } from './procedure-registry.js';
import { SelectionCommands } from './selection-commands.service.js';
import { SelectionQueries } from './selection-queries.service.js';
import type { SelectionsOptions } from './selections-options.js';
import { CLOCK, ID_GENERATOR, PROCEDURES, SELECTIONS_OPTIONS } from './selections.tokens.js';
import { SelectionProjections } from './views/selection-projections.service.js';

export type SelectionsCoreModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => SelectionsOptions | Promise<SelectionsOptions>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
};

/**
 * The application layer as a Nest module: `SelectionCommands`, `SelectionQueries` and the
 * read-model subscription. Needs EVENT_STORE and READ_MODEL_STORE (EventStoreModule, global).
 * Override CLOCK or ID_GENERATOR in tests to control time and ids.
 */
const procedureRegistryOf = (options: SelectionsOptions): ProcedureRegistry =>
  options.procedures ?? allProcedures;

@Module({})
export class SelectionsCoreModule {
  static forRoot(options: SelectionsOptions = {}): DynamicModule {
    return SelectionsCoreModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: SelectionsCoreModuleAsyncOptions): DynamicModule {
    return {
      module: SelectionsCoreModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: SELECTIONS_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        {
          provide: PROCEDURES,
          useFactory: (o: SelectionsOptions) => procedureRegistryOf(o),
          inject: [SELECTIONS_OPTIONS],
        },
        {
          provide: CLOCK,
          useFactory: (o: SelectionsOptions): Clock => o.clock ?? (() => new Date()),
          inject: [SELECTIONS_OPTIONS],
        },
        {
          provide: ID_GENERATOR,
          useFactory: (o: SelectionsOptions): IdGenerator => o.ids ?? randomUUID,
          inject: [SELECTIONS_OPTIONS],
        },
        SelectionCommands,
        SelectionQueries,
        SelectionProjections,
      ],
      exports: [SelectionCommands, SelectionQueries, SelectionProjections, PROCEDURES, CLOCK],
    };
  }
}
