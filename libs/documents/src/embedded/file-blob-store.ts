import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobInfo, BlobStore, StagedBlob } from '../blob-store.port.js';
import { BlobTooLargeError } from '../documents.errors.js';
import { HEAD_BYTES, isSha256 } from '../sha256.js';

type Meta = Omit<BlobInfo, 'sha256' | 'size'>;

/** Temporary files older than this are left-overs of a process that died mid-upload. */
const STALE_TEMP_MS = 60 * 60 * 1000;

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeDurably(path: string, bytes: string | Buffer): Promise<void> {
  const handle = await open(path, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files under one directory (DATA_DIR/blobs): `<sha256>` holds the bytes, `<sha256>.json` who
 * uploaded them and their media type. An upload is written to `tmp/<uuid>`, fsynced, then
 * renamed to its hash (and the directory fsynced): a process that dies mid-upload leaves only a
 * temporary file, never a partial file under a hash. One process writes the directory (the
 * embedded mode runs one instance); uploads of the same file are serialised in it.
 */
export class FileBlobStore implements BlobStore {
  readonly kind = 'embedded' as const;
  private readonly tmp: string;
  private readonly locks = new Map<string, Promise<unknown>>();

  private constructor(private readonly directory: string) {
    this.tmp = join(directory, 'tmp');
  }

  static async open(directory: string): Promise<FileBlobStore> {
    const store = new FileBlobStore(directory);
    await mkdir(store.tmp, { recursive: true, mode: 0o700 });
    await store.removeStaleTemporaries();
    return store;
  }

  private contentPath(sha256: string): string {
    return join(this.directory, sha256);
  }

  private metaPath(sha256: string): string {
    return join(this.directory, `${sha256}.json`);
  }

  async stage(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    const path = join(this.tmp, randomUUID());
    const handle = await open(path, 'wx', 0o600);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new BlobTooLargeError(maxBytes);
        hash.update(chunk);
        if (headSize < HEAD_BYTES) {
          head.push(Buffer.from(chunk.subarray(0, HEAD_BYTES - headSize)));
          headSize += Math.min(chunk.byteLength, HEAD_BYTES - headSize);
        }
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(path, { force: true });
      throw error;
    }
    await handle.close();
    const sha256 = hash.digest('hex');
    return {
      sha256,
      size,
      head: Buffer.concat(head),
      commit: (upload) =>
        this.locked(sha256, () => this.commit(path, sha256, size, { ...upload, at: upload.at })),
      discard: () => rm(path, { force: true }),
    };
  }

  private async commit(
    temporary: string,
    sha256: string,
    size: number,
    upload: { mediaType: string; uploader: string; at: Date },
  ): Promise<BlobInfo> {
    const at = upload.at.toISOString();
    const existing = await this.readMeta(sha256);
    const present = await this.exists(sha256);
    const meta: Meta = {
      mediaType: existing?.mediaType ?? upload.mediaType,
      storedAt: present && existing ? existing.storedAt : at,
      uploads: [
        ...(existing?.uploads ?? []).filter((u) => u.uploader !== upload.uploader),
        { uploader: upload.uploader, at },
      ],
    };
    // The record of who uploaded first, then the bytes: a file is stored once its bytes are
    // under their hash; a record left without bytes is removed by the sweep.
    const metaTemp = join(this.tmp, `${randomUUID()}.json`);
    await writeDurably(metaTemp, JSON.stringify(meta));
    await rename(metaTemp, this.metaPath(sha256));
    if (present) await rm(temporary, { force: true });
    else await rename(temporary, this.contentPath(sha256));
    await fsyncPath(this.directory);
    return { sha256, size, ...meta };
  }

  private async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.contentPath(sha256))).isFile();
    } catch {
      return false;
    }
  }

  private async readMeta(sha256: string): Promise<Meta | null> {
    try {
      return JSON.parse(await readFile(this.metaPath(sha256), 'utf8')) as Meta;
    } catch {
      return null;
    }
  }

  async info(sha256: string): Promise<BlobInfo | null> {
    if (!isSha256(sha256)) return null;
    let size: number;
    try {
      size = (await stat(this.contentPath(sha256))).size;
    } catch {
      return null;
    }
    const meta = await this.readMeta(sha256);
    if (meta === null) return null;
    return { sha256, size, ...meta };
  }

  async read(sha256: string): Promise<Buffer | null> {
    if (!isSha256(sha256)) return null;
    try {
      return await readFile(this.contentPath(sha256));
    } catch {
      return null;
    }
  }

  async list(): Promise<BlobInfo[]> {
    const names = await readdir(this.directory);
    const hashes = new Set(
      names.map((name) => name.replace(/\.json$/, '')).filter((name) => isSha256(name)),
    );
    const infos: BlobInfo[] = [];
    for (const sha256 of hashes) {
      const info = await this.info(sha256);
      // A record without its bytes (or bytes without a record): listed so the sweep removes it.
      infos.push(
        info ?? {
          sha256,
          size: 0,
          mediaType: '',
          storedAt: new Date(0).toISOString(),
          uploads: [],
        },
      );
    }
    return infos.sort((a, b) => a.sha256.localeCompare(b.sha256));
  }

  remove(sha256: string): Promise<void> {
    if (!isSha256(sha256)) return Promise.resolve();
    return this.locked(sha256, async () => {
      await rm(this.contentPath(sha256), { force: true });
      await rm(this.metaPath(sha256), { force: true });
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.locks.values()]);
  }

  private async removeStaleTemporaries(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(this.tmp)) {
      const path = join(this.tmp, name);
      const modified = (await stat(path)).mtimeMs;
      if (now - modified > STALE_TEMP_MS) await rm(path, { force: true });
    }
  }

  private locked<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sha256) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(sha256, settled);
    void settled.then(() => {
      if (this.locks.get(sha256) === settled) this.locks.delete(sha256);
    });
    return next;
  }
}
