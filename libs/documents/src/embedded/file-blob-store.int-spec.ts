import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Of } from '../sha256.js';
import { chunksOf, describeBlobStoreContract } from '../testing/blob-store.contract.js';
import { FileBlobStore } from './file-blob-store.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function freshDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'jejak-blobs-'));
  directories.push(directory);
  return join(directory, 'blobs');
}

describeBlobStoreContract('embedded (files)', async () => {
  const directory = freshDirectory();
  const store = await FileBlobStore.open(directory);
  return {
    store,
    tamper: {
      remove: (sha256) => rm(join(directory, sha256)),
      alter: async (sha256) => {
        const bytes = await readFile(join(directory, sha256));
        bytes[0] = bytes[0]! ^ 0xff;
        await writeFile(join(directory, sha256), bytes);
      },
    },
    close: () => store.close(),
  };
});

describe('embedded blob store on disk', () => {
  it('names the file by its hash and keeps no temporary file after an upload', async () => {
    const directory = freshDirectory();
    const store = await FileBlobStore.open(directory);
    const bytes = randomBytes(2000);
    const staged = await store.stage(chunksOf(bytes), 10_000);
    // Received but not committed: only a temporary file, nothing under the hash.
    expect(existsSync(join(directory, staged.sha256))).toBe(false);
    expect(readdirSync(join(directory, 'tmp'))).toHaveLength(1);
    await staged.commit({ mediaType: 'image/png', uploader: 'u', at: new Date() });
    expect(readFileSync(join(directory, sha256Of(bytes))).equals(bytes)).toBe(true);
    expect(readdirSync(join(directory, 'tmp'))).toEqual([]);
    await store.close();
  });

  it('never shows a partial upload left by a process that died (only a temporary file)', async () => {
    const directory = freshDirectory();
    const first = await FileBlobStore.open(directory);
    const bytes = randomBytes(2000);
    // The process dies after staging: neither commit nor discard runs.
    await first.stage(chunksOf(bytes), 10_000);
    const restarted = await FileBlobStore.open(directory);
    expect(await restarted.list()).toEqual([]);
    expect(await restarted.read(sha256Of(bytes))).toBeNull();
    await first.close();
    await restarted.close();
  });
});
