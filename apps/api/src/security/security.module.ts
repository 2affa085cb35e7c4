import { Module } from '@nestjs/common';
import { SecurityOpenApi } from './security.openapi.js';

/** The security pieces that live in Nest (the HTTP hooks are in `hardenHttp`). */
@Module({ providers: [SecurityOpenApi] })
export class SecurityModule {}
