/**
 * The API as `main.ts` builds it (createApp with the environment's config), plus an echo route
 * on the same Nest/Fastify app behind the same JWT guard: the HTTP ceiling B8 compares with.
 * Started by the bench as its own process; tells its URL over IPC, closes on SIGTERM.
 */
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { loadApiConfig } from '../../../apps/api/src/api.config.js';
import { createApp } from '../../../apps/api/src/create-app.js';

@Controller('bench')
class EchoController {
  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: unknown): unknown {
    return body;
  }

  @Get('echo')
  read(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

async function serve(): Promise<void> {
  const config = loadApiConfig(process.env);
  const app = await createApp(config, { imports: [EchoModule] });
  app.enableShutdownHooks(['SIGTERM']);
  await app.listen(config.port, config.host);
  process.send?.({ url: await app.getUrl() });
}

serve().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
