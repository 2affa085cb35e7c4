import { Module } from '@nestjs/common';
import { SelectionsCoreModule } from '@jejak/selections';
import { ApiConfig } from '../api.config.js';
import { SelectionCommandsController } from './selection-commands.controller.js';
import { SelectionsController } from './selections.controller.js';
import { SelectionsOpenApi } from './selections.openapi.js';

/**
 * The selections over HTTP: the lib's commands, queries and read-model subscription (configured
 * from ApiConfig), the controllers and the OpenAPI description of every command. Import it in
 * ApiModule after EventStoreModule and AuthModule.
 */
@Module({
  imports: [
    SelectionsCoreModule.forRootAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        membershipCheck: config.membershipCheck,
        runProjections: config.workers === 'inline',
      }),
    }),
  ],
  controllers: [SelectionsController, SelectionCommandsController],
  providers: [SelectionsOpenApi],
  // SelectionCommands, SelectionQueries, PROCEDURES for the reminders (apps/api/src/reminders).
  exports: [SelectionsCoreModule],
})
export class SelectionsModule {}
