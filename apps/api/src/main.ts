import { Logger } from '@nestjs/common';
import { readApiConfig, type ApiConfig } from './api.config.js';
import { createApp } from './create-app.js';
import { DOCS_PATH } from './openapi/openapi.js';

const logger = new Logger('Bootstrap');

/** The start banner, one log line each (a JSON log line then holds no `\n` for people to read). */
function greeting(url: string, config: ApiConfig): string[] {
  const base = url.replace(/\/$/, '');
  return [
    `jejak API listening on ${base} (public URL ${config.publicBaseUrl})`,
    `  dashboard: ${base}/ui/`,
    `  API docs:  ${base}/${DOCS_PATH}`,
    `  health:    ${base}/health`,
    `  a token:   npx jejak token --role SEKRETARIAT --sub admin --name "Admin BKD"`,
    `             then send Authorization: Bearer <token> (X-Jejak-Role picks one of several roles)`,
    config.security.demoSignIn
      ? `  demo sign-in: on (loopback only; DEMO_SIGN_IN=off turns it off)`
      : `  demo sign-in: off`,
  ];
}

/** Bootstrap only: config, app, listen, graceful shutdown on SIGTERM/SIGINT. */
async function bootstrap(): Promise<void> {
  // `npm start` passes --demo-sign-in: on a newcomer's loopback server, "Masuk sebagai <peran>"
  // works out of the box. It is only a default: DEMO_SIGN_IN=off wins, and it never holds on a
  // non-loopback HOST, with NODE_ENV=production or with a configured secret.
  const config = readApiConfig('.env', {
    demoSignIn: process.argv.includes('--demo-sign-in') ? 'on' : 'off',
  });
  const app = await createApp(config);
  // On a signal: new requests get 503, in-flight ones finish, the server closes, then the store
  // (shutdown hooks); exit 0 once done.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () =>
      logger.log(`${signal}: finishing in-flight requests, then stopping`),
    );
  }
  await app.listen(config.port, config.host);
  for (const line of greeting(await app.getUrl(), config)) logger.log(line);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
