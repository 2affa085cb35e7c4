import type { EventStore, RecordedEvent } from '@jejak/event-store';
import type { BlobStore } from './blob-store.port.js';
import { checkBlob, type BlobCheck } from './check-blob.js';
import { referencedFiles } from './referenced-files.js';

/** A referenced file that is not as the event recorded it, named by the event and document. */
export type FileFailure = {
  sha256: string;
  problem: Exclude<BlobCheck, 'intact'>;
  streamId: string;
  revision: number;
  eventType: string;
  documentNumber?: string;
  /** Where the event names the file, e.g. `decree.files[0]`. */
  path: string;
  detail: string;
};

export type FilesVerification = {
  ok: boolean;
  /** Distinct files the events refer to. */
  referenced: number;
  intact: number;
  missing: number;
  altered: number;
  /** One entry per event reference to a file that is missing or altered. */
  failures: FileFailure[];
};

const PAGE = 1000;

async function* allEvents(store: EventStore): AsyncGenerator<RecordedEvent> {
  let fromPosition: number | undefined;
  for (;;) {
    const page = await store.readAll({
      ...(fromPosition === undefined ? {} : { fromPosition }),
      maxCount: PAGE,
    });
    yield* page;
    if (page.length < PAGE) return;
    fromPosition = page.at(-1)!.globalPosition;
  }
}

function describeFailure(problem: FileFailure['problem'], number: string | undefined): string {
  const document = number === undefined ? 'its document' : `document ${number}`;
  return problem === 'missing'
    ? `the file of ${document} is missing from the store`
    : `the file of ${document} no longer matches its SHA-256 (altered)`;
}

/**
 * Checks that every file the events refer to is present and still matches its hash: all
 * streams, or only `streamId`. Each file is read and hashed once, however many events name it.
 */
export async function verifyReferencedFiles(
  store: EventStore,
  blobs: BlobStore,
  options: { streamId?: string } = {},
): Promise<FilesVerification> {
  const checks = new Map<string, BlobCheck>();
  const failures: FileFailure[] = [];
  const events =
    options.streamId === undefined ? allEvents(store) : await store.readStream(options.streamId);
  for await (const event of events) {
    for (const reference of referencedFiles(event.data)) {
      let check = checks.get(reference.sha256);
      if (check === undefined) {
        check = await checkBlob(blobs, reference.sha256);
        checks.set(reference.sha256, check);
      }
      if (check === 'intact') continue;
      failures.push({
        sha256: reference.sha256,
        problem: check,
        streamId: event.streamId,
        revision: event.revision,
        eventType: event.type,
        ...(reference.documentNumber === undefined
          ? {}
          : { documentNumber: reference.documentNumber }),
        path: reference.path,
        detail: describeFailure(check, reference.documentNumber),
      });
    }
  }
  const count = (wanted: BlobCheck) => [...checks.values()].filter((c) => c === wanted).length;
  return {
    ok: failures.length === 0,
    referenced: checks.size,
    intact: count('intact'),
    missing: count('missing'),
    altered: count('altered'),
    failures,
  };
}

type SummaryLine = { kind: 'summary'; ok: boolean };

/**
 * The lines of a whole-store verification (`audit verify`) with the evidence files checked too:
 * one `file` line per failing reference before the summary, and the summary's `ok` false when
 * any file fails, with the file counts under `files`.
 */
export async function* withFileChecks<L extends { kind: string }>(
  lines: AsyncIterable<L>,
  verifyFiles: () => Promise<FilesVerification>,
): AsyncGenerator<L | ({ kind: 'file' } & FileFailure)> {
  for await (const line of lines) {
    if (line.kind !== 'summary') {
      yield line;
      continue;
    }
    const files = await verifyFiles();
    for (const failure of files.failures) yield { kind: 'file', ...failure };
    const { failures: _failures, ...counts } = files;
    const summary = line as unknown as SummaryLine;
    yield { ...line, ok: summary.ok && files.ok, files: counts };
  }
}
