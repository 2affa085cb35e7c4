import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  blobStoreOptionsFor,
  createBlobStore,
  DocumentReferences,
  type BlobStore,
} from '@jejak/documents';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import { ApiConfig } from '../api.config.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { BLOB_STORE } from './documents.tokens.js';

/** How often unreferenced files older than a day are looked for (and once at start). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Sweeps unreferenced files at start and every hour; closes the blob store on shutdown. */
@Injectable()
class DocumentsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Documents');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly documents: DocumentsService,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.documents.sweep().then(
        (removed) => {
          if (removed.length > 0) this.logger.log(`removed ${removed.length} unreferenced file(s)`);
        },
        (error: unknown) =>
          this.logger.warn(`sweep of unreferenced files failed: ${String(error)}`),
      );
    };
    sweep();
    this.timer = setInterval(sweep, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.blobs.close();
  }
}

/**
 * Evidence files (POST /documents, GET /documents/:sha256) on the blob store that goes with the
 * event store. Global: the command route asks DocumentsService that the files a command names
 * were uploaded.
 */
@Global()
@Module({
  controllers: [DocumentsController],
  providers: [
    {
      provide: BLOB_STORE,
      // After the event store: in PostgreSQL it creates the schema both use.
      inject: [ApiConfig, EVENT_STORE],
      useFactory: (config: ApiConfig) =>
        createBlobStore(blobStoreOptionsFor(config.eventStore, config.dataDir)),
    },
    {
      provide: DocumentReferences,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new DocumentReferences(store),
    },
    DocumentsService,
    DocumentsLifecycle,
  ],
  exports: [DocumentsService, DocumentReferences, BLOB_STORE],
})
export class DocumentsApiModule {}
