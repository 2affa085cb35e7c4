import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createTokenVerifier, type TokenTrust } from '../verify-token.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { RolesGuard } from './roles.guard.js';
import { TOKEN_VERIFIER } from './auth.tokens.js';

export type AuthModuleAsyncOptions = Pick<ModuleMetadata, 'imports'> & {
  useFactory: (...args: never[]) => TokenTrust | Promise<TokenTrust>;
  inject?: (InjectionToken | OptionalFactoryDependency)[];
};

/**
 * Bearer-token authentication for the whole app: `JwtAuthGuard` then `RolesGuard` as global
 * guards, and `TOKEN_VERIFIER` for anyone else who checks tokens.
 */
@Module({})
export class AuthModule {
  static forRoot(trust: TokenTrust): DynamicModule {
    return AuthModule.forRootAsync({ useFactory: () => trust });
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: TOKEN_VERIFIER,
          useFactory: async (...args: never[]) =>
            createTokenVerifier(await options.useFactory(...args)),
          inject: options.inject ?? [],
        },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [TOKEN_VERIFIER],
    };
  }
}
