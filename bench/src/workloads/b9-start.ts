import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { signToken } from '@jejak/auth';
import { JPTP_KIND } from '@jejak/workflows';
import { now } from '../harness/measure.js';
import { fmt, summarize } from '../harness/stats.js';
import type { Check, Workload } from '../harness/types.js';
import { apiRedisUrl, dropApiKeys, rssMb, startMain } from '../http/api-process.js';

const FIRST_HEALTH_MS = 2_000;
const IDLE_RSS_MB = 250;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds from spawning `main.js` until GET /health answers 200 (polled every 20 ms). */
async function untilHealthy(url: string, started: number, exited: () => boolean): Promise<number> {
  for (;;) {
    if (exited()) throw new Error('the API exited before /health answered 200');
    if (now() - started > 60_000) throw new Error('/health did not answer 200 within 60 s');
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return now() - started;
    } catch {
      // not listening yet
    }
    await pause(20);
  }
}

/** B9: `npm start`'s main.js on an empty data dir, then again on the same dir; its memory. */
export const b9: Workload = {
  id: 'B9',
  title: 'cold start on an empty data dir; warm restart; idle and loaded RSS',
  target: 'first /health 200 <= 2 s; idle RSS <= 250 MB',
  async run(context) {
    const { repetitions, log, quick } = context;
    context.onCleanup(() => dropApiKeys(apiRedisUrl(context.redisUrl)));
    const cold: number[] = [];
    const warm: number[] = [];
    const idle: number[] = [];
    let loaded = { rss: 0, rate: 0, requests: 0, non2xx: 0 };
    const idleMs = quick ? 250 : 1_000;
    const loadedSeconds = 3;
    // Quick mode skips the warm-up run (each run starts two processes).
    for (let i = quick ? 0 : -1; i < repetitions; i++) {
      const dataDir = await context.tempDir('b9');
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        REDIS_URL: apiRedisUrl(context.redisUrl),
        EVENT_STORE: 'embedded',
      };
      for (const key of ['DATABASE_URL', 'JWT_SECRET', 'EVENT_STORE_PATH', 'WORKERS', 'LOG_LEVEL'])
        delete env[key];
      const t0 = now();
      const first = startMain(env);
      const coldMs = await untilHealthy(url, t0, () => first.child.exitCode !== null);
      await pause(idleMs);
      const idleRss = await rssMb(first.child.pid!);
      // Loaded: one of the runs serves reads and commands for a few seconds; RSS sampled meanwhile.
      if (i === 0) {
        const secret = (await readFile(join(dataDir, 'jwt-secret'), 'utf8')).trim();
        const token = await signToken({
          secret,
          sub: 'bench',
          name: 'Sekretariat (bench)',
          roles: ['SEKRETARIAT'],
        });
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const ids: string[] = [];
        for (let s = 0; s < 8; s++) {
          const r = await fetch(`${url}/selections`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ kind: JPTP_KIND, title: `Seleksi ${s}` }),
          });
          ids.push(((await r.json()) as { id: string }).id);
        }
        let n = 0;
        let peak = idleRss;
        const sampler = setInterval(() => {
          void rssMb(first.child.pid!).then(
            (mb) => (peak = Math.max(peak, mb)),
            () => undefined,
          );
        }, 100);
        const result = await autocannon({
          url,
          connections: 16,
          ...(quick ? { amount: 64 } : { duration: loadedSeconds }),
          sampleInt: 100,
          requests: [
            {
              method: 'POST',
              headers,
              body: JSON.stringify({ dates: { interview: '2027-03-10' } }),
              setupRequest: (request) => ({
                ...request,
                path: `/selections/${ids[n++ % ids.length]}/commands/SetPlannedSchedule`,
              }),
            },
            {
              method: 'GET',
              headers,
              setupRequest: (request) => ({
                ...request,
                path: `/selections/${ids[n++ % ids.length]}`,
              }),
            },
          ],
        });
        clearInterval(sampler);
        loaded = {
          rss: peak,
          rate: result.requests.total / result.duration,
          requests: result.requests.total,
          non2xx: result.non2xx,
        };
      }
      const stopping = now();
      await first.stop();
      const stopMs = now() - stopping;
      const t1 = now();
      const second = startMain(env);
      const warmMs = await untilHealthy(url, t1, () => second.child.exitCode !== null);
      const stopping2 = now();
      await second.stop();
      const stop2Ms = now() - stopping2;
      if (i >= 0) {
        cold.push(coldMs);
        warm.push(warmMs);
        idle.push(idleRss);
      }
      log(
        `B9: ${i < 0 ? 'warm-up' : `run ${i + 1}`}: cold ${fmt(coldMs)} ms, warm restart ${fmt(warmMs)} ms, idle RSS ${fmt(idleRss)} MB; stops ${fmt(stopMs)} + ${fmt(stop2Ms)} ms`,
      );
    }
    const coldS = summarize(cold);
    const warmS = summarize(warm);
    const idleS = summarize(idle);
    const checks: Check[] = [
      {
        what: 'cold start on an empty data dir: first /health 200',
        target: `<= ${fmt(FIRST_HEALTH_MS / 1000)} s`,
        measured: `${fmt(coldS.median)} ms (min ${fmt(coldS.min)}, max ${fmt(coldS.max)}); warm restart ${fmt(warmS.median)} ms (min ${fmt(warmS.min)}, max ${fmt(warmS.max)})`,
        pass: coldS.median <= FIRST_HEALTH_MS,
        miss:
          coldS.median <= FIRST_HEALTH_MS
            ? undefined
            : `${fmt(coldS.median / FIRST_HEALTH_MS)}x the target. Already in place: pino-pretty is loaded only for a terminal, the unused ConfigModule is gone, the OpenAPI document is built on the first /docs request, and the PostgreSQL/EventStoreDB adapters, Bull Board and nodemailer load only when used. Measured in-process, most of the time to /health (about 85% under load) is still loading modules, about 1,400 files, mostly Nest, swagger (with es-toolkit) and class-validator; Nest's create, init and listen take about 250 ms. Closing it: bundle the API for npm start (one file instead of ~1,400 module loads); Node 22's module compile cache would help too (Node 20 has none).`,
      },
      {
        what: 'idle RSS after start',
        target: `<= ${IDLE_RSS_MB} MB`,
        measured: `${fmt(idleS.median)} MB (min ${fmt(idleS.min)}, max ${fmt(idleS.max)}); under load (16 connections of commands and reads) peak ${fmt(loaded.rss)} MB`,
        pass: idleS.median <= IDLE_RSS_MB,
        miss:
          idleS.median <= IDLE_RSS_MB
            ? undefined
            : `${fmt(idleS.median / IDLE_RSS_MB)}x the target.`,
      },
    ];
    return {
      status: 'measured',
      checks,
      notes: [
        `dist/apps/api/src/main.js (what npm start runs after the build), embedded store in a new temp data dir (no configuration but PORT, DATA_DIR and REDIS_URL: /health checks Redis), spawned from the bench process; time from spawn to the first 200 of GET /health, polled every 20 ms. Warm restart: SIGTERM, then the same data dir again. ${repetitions} runs${quick ? ' (quick mode: no warm-up run)' : ' after a warm-up run'}.`,
        `Idle RSS: /proc/<pid>/status VmRSS ${fmt(idleMs / 1000)} s after /health answered. Loaded RSS: the peak while autocannon sent commands (SetPlannedSchedule) and reads over 8 selections ${quick ? '(64 requests, quick mode)' : `for ${fmt(loadedSeconds)} s`} in the first run (${loaded.requests.toLocaleString('en-US')} requests, ${fmt(loaded.rate)}/s, ${loaded.non2xx} non-2xx).`,
      ],
      data: {
        coldMs: coldS,
        warmRestartMs: warmS,
        idleRssMb: idleS,
        loadedPeakRssMb: loaded.rss,
        loadedRequests: loaded.requests,
        loadedNon2xx: loaded.non2xx,
      },
    };
  },
};
