import { randomBytes } from 'node:crypto';
import type { BlobStore } from '../blob-store.port.js';
import { checkBlob } from '../check-blob.js';
import { BlobTooLargeError } from '../documents.errors.js';
import { sha256Of } from '../sha256.js';

/** What a contract run needs: a fresh store, and an attacker's way to its storage. */
export type BlobStoreSubject = {
  store: BlobStore;
  tamper: {
    /** Deletes the stored bytes (file or row) behind the store's back. */
    remove(sha256: string): Promise<void>;
    /** Changes one byte of the stored bytes behind the store's back. */
    alter(sha256: string): Promise<void>;
  };
  close(): Promise<void>;
};

export async function* chunksOf(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  await Promise.resolve();
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
  }
}

const AT = new Date('2026-12-08T01:00:00.000Z');

/** The behaviour every blob-store adapter shares, run against the real disk or database. */
export function describeBlobStoreContract(
  name: string,
  open: () => Promise<BlobStoreSubject>,
): void {
  describe(`${name} blob store (contract)`, () => {
    let subject: BlobStoreSubject;
    let store: BlobStore;
    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(() => subject.close());

    const put = async (bytes: Buffer, uploader = 'user-a', at = AT) => {
      const staged = await store.stage(chunksOf(bytes), 1024 * 1024);
      return staged.commit({ mediaType: 'application/pdf', uploader, at });
    };

    it('stores a file under its SHA-256 and gives the same bytes back', async () => {
      const bytes = randomBytes(300 * 1024);
      const info = await put(bytes);
      expect(info).toMatchObject({
        sha256: sha256Of(bytes),
        size: bytes.length,
        mediaType: 'application/pdf',
        storedAt: AT.toISOString(),
        uploads: [{ uploader: 'user-a', at: AT.toISOString() }],
      });
      expect((await store.read(info.sha256))?.equals(bytes)).toBe(true);
      expect(await store.info(info.sha256)).toEqual(info);
      expect(await checkBlob(store, info.sha256)).toBe('intact');
    });

    it('stores the same file twice once, remembering both uploaders', async () => {
      const bytes = randomBytes(10_000);
      await put(bytes, 'user-a');
      const later = new Date(AT.getTime() + 60_000);
      const again = await put(bytes, 'user-b', later);
      expect(again.storedAt).toBe(AT.toISOString());
      expect(again.uploads.map((u) => u.uploader).sort()).toEqual(['user-a', 'user-b']);
      expect((await store.list()).map((b) => b.sha256)).toEqual([sha256Of(bytes)]);
    });

    it('gives the first bytes for recognising the type', async () => {
      const bytes = randomBytes(10_000);
      const staged = await store.stage(chunksOf(bytes, 1000), 1024 * 1024);
      expect(staged.head.equals(bytes.subarray(0, 4100))).toBe(true);
      expect(staged.sha256).toBe(sha256Of(bytes));
      await staged.discard();
      expect(await store.list()).toEqual([]);
    });

    it('refuses a file over the limit and keeps nothing of it', async () => {
      const bytes = randomBytes(200_000);
      await expect(store.stage(chunksOf(bytes), 100_000)).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store.list()).toEqual([]);
      expect(await store.read(sha256Of(bytes))).toBeNull();
    });

    it('keeps nothing of an upload whose stream breaks', async () => {
      async function* broken() {
        await Promise.resolve();
        yield randomBytes(1000);
        throw new Error('connection reset');
      }
      await expect(store.stage(broken(), 1024 * 1024)).rejects.toThrow('connection reset');
      expect(await store.list()).toEqual([]);
    });

    it('tells a deleted file (missing) and an altered one (altered)', async () => {
      const first = await put(randomBytes(5000));
      const second = await put(randomBytes(5000));
      await subject.tamper.remove(first.sha256);
      await subject.tamper.alter(second.sha256);
      expect(await checkBlob(store, first.sha256)).toBe('missing');
      expect(await checkBlob(store, second.sha256)).toBe('altered');
    });

    it('removes a file, and answers null for one it does not hold', async () => {
      const info = await put(randomBytes(100));
      await store.remove(info.sha256);
      expect(await store.info(info.sha256)).toBeNull();
      expect(await store.read(info.sha256)).toBeNull();
      expect(await store.info('0'.repeat(64))).toBeNull();
      expect(await store.info('not-a-hash')).toBeNull();
      expect(await store.list()).toEqual([]);
    });
  });
}
