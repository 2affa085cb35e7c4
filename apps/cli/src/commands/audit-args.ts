import type { BlobStore } from '@jejak/documents';
import type { EventStore } from '@jejak/event-store';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong command line: the command prints the message and its usage, exit code 2. */
export class AuditUsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseAuditArgs<O extends Options>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new AuditUsageError((error as Error).message);
  }
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new AuditUsageError(`${flag} is required`);
  return value;
}

/** Opens the configured store, runs `fn`, closes the store whatever happens. */
export async function withStore<T>(
  context: { openStore(): Promise<EventStore> },
  fn: (store: EventStore) => Promise<T>,
): Promise<T> {
  const store = await context.openStore();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Opens the evidence-file store when the context has one, runs `fn`, closes it. */
export async function withBlobs<T>(
  context: { openBlobStore?(): Promise<BlobStore> },
  fn: (blobs: BlobStore | undefined) => Promise<T>,
): Promise<T> {
  const blobs = await context.openBlobStore?.();
  try {
    return await fn(blobs);
  } finally {
    await blobs?.close();
  }
}
