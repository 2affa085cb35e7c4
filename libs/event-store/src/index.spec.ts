import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DRIVERS = /from '(pg|better-sqlite3|@eventstore\/[^']+|@kurrent\/[^']+|@grpc\/[^']+)'/;

function source(file: string): string {
  return readFileSync(join(here, file), 'utf8');
}

function reexportedFiles(): string[] {
  return [...source('index.ts').matchAll(/from '\.\/(.+)\.js'/g)].map((m) => `${m[1]}.ts`);
}

// A cheap text check that no driver type leaks past the entry point: index re-exports named
// symbols only, and no module it re-exports from imports a driver (the adapters that do are
// reached only through createEventStore, whose signature uses our own types).
describe('@jejak/event-store entry point', () => {
  it('re-exports only from modules that do not import a driver', () => {
    const files = reexportedFiles();
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect([file, DRIVERS.test(source(file))]).toEqual([file, false]);
  });

  it('never re-exports a whole adapter module', () => {
    const wildcard = [...source('index.ts').matchAll(/export \* from '\.\/(.+)\.js'/g)].map(
      (m) => m[1],
    );
    expect(wildcard).toEqual(['event-store.port']);
  });

  it('keeps process.env out of the library (apps pass options)', () => {
    const library = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(file),
    );
    expect(library.length).toBeGreaterThan(20);
    for (const file of library)
      expect([file, /process\.env/.test(source(file))]).toEqual([file, false]);
  });
});
