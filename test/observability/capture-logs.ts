import { Writable } from 'node:stream';

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

/** A pino destination that keeps every JSON line written to it, parsed. */
export function captureLogs(): { destination: Writable; lines: LogLine[]; text: () => string } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const line = chunk.toString();
      raw.push(line);
      lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { destination, lines, text: () => raw.join('') };
}
