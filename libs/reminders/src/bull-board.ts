import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RemindersRuntime } from './runtime/reminders-runtime.js';

export const BOARD_PATH = '/admin/queues';

/** An `onRequest` hook that lets ADMIN through and answers 401/403 to anyone else. */
export type BoardGuard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Bull Board at `/admin/queues` behind `guard` (the API passes its ADMIN check). The reminders
 * queue appears once the runtime is active (it may start paused, without Redis). Register before
 * the Fastify instance is ready (e.g. in an `onModuleInit`).
 */
export async function mountReminderBoard(
  fastify: FastifyInstance,
  runtime: Pick<RemindersRuntime, 'onActive'>,
  guard: BoardGuard,
  basePath = BOARD_PATH,
): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(basePath);
  const board = createBullBoard({
    queues: [],
    serverAdapter,
    options: { uiConfig: { boardTitle: 'jejak reminders' } },
  });
  runtime.onActive((queue) => board.setQueues([new BullMQAdapter(queue.queue)]));
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', guard);
    await scope.register(serverAdapter.registerPlugin(), { prefix: basePath });
  });
}
