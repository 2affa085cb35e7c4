import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ApiConfig } from '../api.config.js';

/**
 * Makes the validated `ApiConfig` injectable everywhere (by its class). Nothing here reads the
 * environment again: `loadApiConfig` did, once. (No `@nestjs/config`: nothing read through its
 * `ConfigService`, and loading it cost start-up time.)
 */
@Global()
@Module({})
export class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
    };
  }
}
