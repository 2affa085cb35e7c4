import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RemindersRuntime } from './runtime/reminders-runtime.js';

export const BOARD_PATH = '/admin/queues';

/** An `onRequest` hook that lets ADMIN through and answers 401/403 to anyone else. */
export type BoardGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Hop-by-hop and length headers of the board's answer that the outer reply sets itself. */
const NOT_FORWARDED = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The board's times in WITA (NTT's time zone, UTC+8) whatever the browser's zone, 24-hour. */
const WITA = { timeZone: 'Asia/Makassar', timeZoneName: 'short', hourCycle: 'h23' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
export const WITA_DATE_FORMATS = {
  short: { ...TIME, ...WITA },
  common: { month: 'short', day: 'numeric', ...TIME, ...WITA },
  full: { year: 'numeric', month: 'short', day: 'numeric', ...TIME, ...WITA },
} satisfies Record<'short' | 'common' | 'full', Intl.DateTimeFormatOptions>;

/**
 * Bull Board in a Fastify instance of its own (not listening), built on first use: Bull Board,
 * its Fastify adapter and their static/view plugins are loaded then, not when the app starts.
 */
async function buildBoard(
  runtime: Pick<RemindersRuntime, 'onActive'>,
  basePath: string,
): Promise<FastifyInstance> {
  const [{ default: Fastify }, { createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] =
    await Promise.all([
      import('fastify'),
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/fastify'),
    ]);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'jejak reminders', dateFormats: WITA_DATE_FORMATS } },
  });
  // Read-only: a reminder job changes through commands (recorded in the trail), never around it.
  runtime.onActive((queue) =>
    board.setQueues([new BullMQAdapter(queue.queue, { readOnlyMode: true })]),
  );
  const inner = Fastify();
  await inner.register(serverAdapter.registerPlugin(), { prefix: basePath });
  await inner.ready();
  return inner;
}

/**
 * Bull Board at `/admin/queues` behind `guard` (the API passes its ADMIN check). The reminders
 * queue appears once the runtime is active (it may start paused, without Redis). Register before
 * the Fastify instance is ready (e.g. in an `onModuleInit`). The board itself is built on the
 * first request `guard` lets through (so nobody's start-up loads it) and answers every request
 * under `basePath` through this instance: the guard, hooks and error handling stay this app's.
 */
export async function mountReminderBoard(
  fastify: FastifyInstance,
  runtime: Pick<RemindersRuntime, 'onActive'>,
  guard: BoardGuard,
  basePath = BOARD_PATH,
): Promise<void> {
  let board: Promise<FastifyInstance> | undefined;
  const boardOnce = (): Promise<FastifyInstance> => {
    board ??= buildBoard(runtime, basePath).catch((error: unknown) => {
      board = undefined; // the next request tries again
      throw error;
    });
    return board;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply): Promise<Buffer> => {
    const answer = await (
      await boardOnce()
    ).inject({
      method: request.method as 'GET',
      url: request.raw.url ?? request.url,
      headers: request.headers,
      ...(Buffer.isBuffer(request.body) ? { payload: request.body } : {}),
    });
    reply.code(answer.statusCode);
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined && !NOT_FORWARDED.has(name)) reply.header(name, value);
    return answer.rawPayload;
  };
  await fastify.register((scope, _options, done) => {
    scope.addHook('onRequest', guard);
    // The body goes to the board as it came (the board parses it).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    for (const url of [basePath, `${basePath}/*`])
      scope.route({ method: METHODS, url, handler: forward });
    done();
  });
}
