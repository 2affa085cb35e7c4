import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createEventStore } from './create-event-store.js';
import { EventStoreModule } from './event-store.module.js';
import type { EventStore, ReadModelStore } from './event-store.port.js';
import { EVENT_STORE, READ_MODEL_STORE } from './event-store.tokens.js';

const directory = mkdtempSync(join(tmpdir(), 'jejak-module-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const streamId = 'selection-3f0c4a52-7a1c-4d55-9a43-5c7f1bd3a001';

@Injectable()
class AppConfig {
  readonly eventStorePath = join(directory, 'async.db');
}

@Module({ providers: [AppConfig], exports: [AppConfig] })
class ConfigModule {}

describe('EventStoreModule', () => {
  it('forRoot provides EVENT_STORE and READ_MODEL_STORE and closes them on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [EventStoreModule.forRoot({ kind: 'embedded', path: join(directory, 'root.db') })],
    }).compile();
    const app = await moduleRef.init();
    const store = app.get<EventStore>(EVENT_STORE);
    const documents = app.get<ReadModelStore>(READ_MODEL_STORE);
    await store.appendToStream(streamId, [{ type: 'SelectionOpened', data: { title: 'JPT' } }]);
    await documents.put('summaries', 's1', { stage: 'planning' });
    expect(await store.streamRevision(streamId)).toBe(0);
    await app.close();
    await expect(store.streamRevision(streamId)).rejects.toMatchObject({
      code: 'EVENT_STORE_CLOSED',
    });
  });

  it('forRootAsync takes its options from the app config through inject', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRootAsync({
          imports: [ConfigModule],
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ kind: 'embedded', path: config.eventStorePath }),
        }),
      ],
    }).compile();
    const app = await moduleRef.init();
    const store = app.get<EventStore>(EVENT_STORE);
    await store.appendToStream(streamId, [{ type: 'SelectionOpened', data: { title: 'JPT' } }]);
    await app.close();
    const reopened = await Test.createTestingModule({
      imports: [EventStoreModule.forRoot({ path: join(directory, 'async.db') })],
    }).compile();
    const again = await reopened.init();
    expect(await again.get<EventStore>(EVENT_STORE).streamRevision(streamId)).toBe(0);
    await again.close();
  });

  it('pairs an EventStoreDB store with SQL read models (EventStoreDB keeps no documents)', async () => {
    const store = await createEventStore({
      kind: 'eventstoredb',
      connectionString: 'esdb://127.0.0.1:2113?tls=false',
      readModels: { kind: 'embedded', path: join(directory, 'read-models.db') },
    });
    expect(store.kind).toBe('eventstoredb');
    await store.readModels.put('views', 'v', { ok: true });
    expect(await store.readModels.get('views', 'v')).toEqual({ ok: true });
    await store.close();
    await expect(store.readModels.get('views', 'v')).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
    });
  });

  it('refuses a postgres store without a database URL', async () => {
    await expect(
      Test.createTestingModule({
        imports: [EventStoreModule.forRoot({ kind: 'postgres' })],
      }).compile(),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
