import { Module } from '@nestjs/common';
import { CloseConnectionsOnShutdown } from './close-connections-on-shutdown.js';

/**
 * The HTTP platform's lifecycle pieces. The rest of `http/` (problem details, validation, the
 * JSON parser) is applied to the app in `configureApp`.
 */
@Module({ providers: [CloseConnectionsOnShutdown] })
export class HttpPlatformModule {}
