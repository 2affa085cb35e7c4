import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApiConfig } from '../api.config.js';

/**
 * Makes the validated `ApiConfig` injectable everywhere (by its class), and the same values
 * readable through `@nestjs/config`'s `ConfigService` (`config.get('redisUrl')`). Nothing here
 * reads the environment again: `loadApiConfig` did, once.
 */
@Global()
@Module({})
export class ApiConfigModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...config })],
        }),
      ],
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
    };
  }
}
