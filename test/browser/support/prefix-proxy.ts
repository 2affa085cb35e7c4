import Fastify, { type FastifyInstance } from 'fastify';

/** Hop-by-hop and length headers the proxy recomputes rather than forwards. */
const DROP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

export type PrefixProxy = {
  /** `http://127.0.0.1:<port>`: the dashboard is at `${url}${prefix}/ui/`. */
  url: string;
  /** Every path the proxy was asked for, as the browser sent it. */
  seen: string[];
  close(): Promise<void>;
};

/**
 * A reverse proxy as an operator would put in front of jejak: it serves the app under `prefix`
 * and strips the prefix before forwarding. Anything outside the prefix answers 404, so a URL the
 * dashboard builds from the origin's root (an absolute path) fails visibly.
 */
export async function startPrefixProxy(target: string, prefix: string): Promise<PrefixProxy> {
  const seen: string[] = [];
  const proxy: FastifyInstance = Fastify();
  proxy.removeAllContentTypeParsers();
  proxy.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  proxy.all('/*', async (request, reply) => {
    seen.push(request.url);
    if (!request.url.startsWith(`${prefix}/`)) {
      return reply.code(404).type('text/plain').send(`outside ${prefix}: ${request.url}`);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !DROP.has(name)) headers.set(name, String(value));
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const response = await fetch(`${target}${request.url.slice(prefix.length)}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      ...(hasBody && request.body !== undefined ? { body: request.body as Buffer } : {}),
    });
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      if (!DROP.has(name) && name !== 'content-encoding') void reply.header(name, value);
    });
    return reply.send(Buffer.from(await response.arrayBuffer()));
  });
  await proxy.listen({ port: 0, host: '127.0.0.1' });
  const address = proxy.server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy did not listen');
  return { url: `http://127.0.0.1:${address.port}`, seen, close: () => proxy.close() };
}
