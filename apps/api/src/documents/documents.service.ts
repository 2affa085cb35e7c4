import { Inject, Injectable, Optional } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import {
  collectReferencedFiles,
  DocumentAlteredError,
  DocumentNotFoundError,
  DocumentReferences,
  DocumentTypeNotAcceptedError,
  recogniseMediaType,
  referencedFiles,
  sha256Of,
  sweepUnreferenced,
  verifyReferencedFiles,
  type FilesVerification,
  type BlobInfo,
  type BlobStore,
  type CollectedFile,
} from '@jejak/documents';
import { EVENT_STORE, type EventStore } from '@jejak/event-store';
import { CLOCK } from '@jejak/selections';
import type { Actor } from '@jejak/workflows';
import { ApiConfig } from '../api.config.js';
import { ValidationFailedError, type FieldError } from '../http/validation-exception.factory.js';
import { BLOB_STORE } from './documents.tokens.js';

export type StoredDocument = { sha256: string; mediaType: string; size: number };

/**
 * Evidence files over HTTP: upload (recognised by content, at most DOCUMENT_MAX_BYTES), the
 * check that a command names only uploaded files, download (referenced: any reader of
 * selections; unreferenced: its uploaders only), and the sweep of unreferenced files.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly references: DocumentReferences,
    private readonly config: ApiConfig,
    @Optional() @Inject(CLOCK) private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Stores the uploaded file (once per content) and names it by its SHA-256. */
  async upload(file: MultipartFile, actor: Actor): Promise<StoredDocument> {
    const staged = await this.blobs.stage(file.file, this.config.documentMaxBytes);
    const mediaType = await recogniseMediaType(staged.head);
    if (mediaType === undefined) {
      await staged.discard();
      throw new DocumentTypeNotAcceptedError();
    }
    const info = await staged.commit({ mediaType, uploader: actor.sub, at: this.clock() });
    return { sha256: info.sha256, mediaType: info.mediaType, size: info.size };
  }

  /**
   * 400 naming every `files` entry of a command body that is not an uploaded file (or whose
   * media type or size differ from the stored one). Called before the command is decided, so a
   * refused command writes nothing.
   */
  async assertUploaded(body: unknown): Promise<void> {
    const errors: FieldError[] = [];
    for (const reference of referencedFiles(body)) {
      const info = await this.blobs.info(reference.sha256);
      const messages: string[] = [];
      if (info === null) {
        messages.push(
          `no file with SHA-256 ${reference.sha256} was uploaded: send it to POST /documents first`,
        );
      } else {
        if (info.mediaType !== reference.mediaType)
          messages.push(`mediaType must be ${info.mediaType}, as uploaded`);
        if (info.size !== reference.size) messages.push(`size must be ${info.size}, as uploaded`);
      }
      if (messages.length > 0) errors.push({ field: reference.path, messages });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  /**
   * The file, for a caller who may read it: anyone who may read selections when an event refers
   * to it, else only who uploaded it. Checked against its hash before it is served.
   */
  async download(sha256: string, actor: Actor): Promise<{ info: BlobInfo; bytes: Buffer }> {
    const info = await this.blobs.info(sha256);
    if (info === null) throw new DocumentNotFoundError(sha256);
    const referenced = (await this.references.of(sha256)).length > 0;
    const uploader = info.uploads.some((upload) => upload.uploader === actor.sub);
    if (!referenced && !uploader) throw new DocumentNotFoundError(sha256);
    const bytes = await this.blobs.read(sha256);
    if (bytes === null) throw new DocumentNotFoundError(sha256);
    if (sha256Of(bytes) !== sha256) throw new DocumentAlteredError(sha256);
    return { info, bytes };
  }

  /** Whether every file the events refer to (of one stream, or all) is present and intact. */
  verifyFiles(streamId?: string): Promise<FilesVerification> {
    return verifyReferencedFiles(
      this.eventStore,
      this.blobs,
      streamId === undefined ? {} : { streamId },
    );
  }

  /** The evidence files a selection's events refer to, with their bytes (for a bundle). */
  async filesOfSelection(streamId: string): Promise<CollectedFile[]> {
    return collectReferencedFiles(await this.eventStore.readStream(streamId), this.blobs);
  }

  /** Removes files no event refers to, uploaded more than a day before `now`. */
  sweep(now: Date = this.clock()): Promise<string[]> {
    return sweepUnreferenced(this.blobs, () => this.references.hashes(), now);
  }
}
