import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  Controller,
  HttpCode,
  HttpException,
  Inject,
  Injectable,
  Module,
  Param,
  Post,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  EVENT_STORE,
  EventStoreModule,
  NO_STREAM,
  waitFor,
  type EventStore,
  type Subscription,
} from '@jejak/event-store';
import request from 'supertest';
import {
  LOG_DESTINATION,
  Metrics,
  ObservabilityModule,
  PinoLoggerService,
} from '../../apps/api/src/observability/index.js';
import { captureLogs } from './capture-logs.js';

/**
 * A small scenario, then one scrape. The command routes here are a stand-in with the selections
 * API's paths and error bodies (STYLE.md's table), appending to the real embedded store; the
 * subscriber stands in for the reminder scheduler and reports through `Metrics.reminder`.
 */
@Controller('selections')
class StandInSelectionsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  async open() {
    const id = randomUUID();
    await this.store.appendToStream(
      `selection-${id}`,
      [{ type: 'SelectionOpened', data: { id } }],
      {
        expectedRevision: NO_STREAM,
      },
    );
    return { id };
  }

  @Post(':id/commands/:type')
  @HttpCode(200)
  async command(@Param('id') id: string, @Param('type') type: string) {
    if (type === 'CloseRegistration') {
      throw new HttpException({ state: 'planning', acceptedCommands: ['RegisterVacancy'] }, 409);
    }
    if (type === 'PublishAnnouncement') {
      throw new HttpException({ violations: [{ rule: 'A-WINDOW' }, { rule: 'A-GATE' }] }, 422);
    }
    await this.store.appendToStream(`selection-${id}`, [{ type: 'VacancyRegistered', data: {} }], {
      expectedRevision: 0,
    });
    return { revision: 1 };
  }
}

@Injectable()
class StandInScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | undefined;
  handled = 0;
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribeToAll({
      subscriber: 'reminder-scheduler',
      from: 'checkpoint',
      handler: (event) => {
        this.metrics.reminder(event.type === 'SelectionOpened' ? 'scheduled' : 'dropped');
        this.handled += 1;
        return Promise.resolve();
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}

describe('/metrics after a small scenario', () => {
  let dir: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jejak-metrics-'));
    @Module({
      imports: [
        EventStoreModule.forRoot({ kind: 'embedded', path: join(dir, 'events.db') }),
        ObservabilityModule.forRoot({}),
      ],
      controllers: [StandInSelectionsController],
      providers: [StandInScheduler],
    })
    class ScenarioModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ScenarioModule] })
      .overrideProvider(LOG_DESTINATION)
      .useValue(captureLogs().destination)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoLoggerService));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exposes every series of issue 9', async () => {
    const http = request(app.getHttpServer());
    const opened = await http.post('/selections').expect(201);
    const id = (opened.body as { id: string }).id;
    await http.post(`/selections/${id}/commands/RegisterVacancy`).expect(200);
    await http.post(`/selections/${id}/commands/CloseRegistration`).expect(409);
    await http.post(`/selections/${id}/commands/PublishAnnouncement`).expect(422);
    await http.post(`/selections/${id}/commands/RegisterVacancy`).expect(500); // lost race: revision 0 is gone
    const scheduler = app.get(StandInScheduler);
    await waitFor(() => scheduler.handled === 2, 'the stand-in scheduler to see both events');

    const text = (await http.get('/metrics').expect(200)).text;
    const expected = [
      'jejak_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/selections",status_code="201"}',
      'jejak_http_request_duration_seconds_count{method="POST",route="/selections/:id/commands/:type",status_code="409"} 1',
      'jejak_commands_total{type="OpenSelection",outcome="accepted"} 1',
      'jejak_commands_total{type="RegisterVacancy",outcome="accepted"} 1',
      'jejak_commands_total{type="CloseRegistration",outcome="not_allowed_in_state"} 1',
      'jejak_commands_total{type="PublishAnnouncement",outcome="rules_broken"} 1',
      'jejak_command_rule_violations_total{type="PublishAnnouncement",rule="A-WINDOW"} 1',
      'jejak_command_rule_violations_total{type="PublishAnnouncement",rule="A-GATE"} 1',
      'jejak_event_store_append_duration_seconds_count{outcome="ok"} 2',
      'jejak_event_store_append_duration_seconds_count{outcome="conflict"} 1',
      'jejak_subscription_lag_events{subscriber="reminder-scheduler"}',
      'jejak_reminders_total{outcome="scheduled"} 1',
      'jejak_reminders_total{outcome="dropped"} 1',
      'jejak_reminders_total{outcome="sent"} 0',
      'jejak_reminders_total{outcome="failed"} 0',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ];
    expect(expected.filter((series) => !text.includes(series))).toEqual([]);
  });
});
