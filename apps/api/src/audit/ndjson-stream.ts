import { Readable } from 'node:stream';

/** One JSON document per line, streamed as the generator yields (long runs never buffer). */
export function ndjsonStream(lines: AsyncIterable<unknown>): Readable {
  return Readable.from(
    (async function* () {
      for await (const line of lines) yield `${JSON.stringify(line)}\n`;
    })(),
  );
}
