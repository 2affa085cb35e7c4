import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import type { RemindersModuleOptions } from './reminders-module.options.js';
import { RemindersService } from './reminders.service.js';
import { REMINDERS_OPTIONS } from './reminders.tokens.js';

export type RemindersModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => RemindersModuleOptions | Promise<RemindersModuleOptions>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
};

/**
 * Provides `RemindersService` (scheduler + worker + records + health). Needs EVENT_STORE and
 * READ_MODEL_STORE (EventStoreModule, global). Import it where reminders run: the worker, or the
 * API with WORKERS=inline. The API with WORKERS=off serves records with `listReminderRecords`.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersModuleOptions): DynamicModule {
    return RemindersModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync(options: RemindersModuleAsyncOptions): DynamicModule {
    return {
      module: RemindersModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: REMINDERS_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        RemindersService,
      ],
      exports: [RemindersService],
    };
  }
}
