import { PassThrough } from 'node:stream';
import type { Env } from '../cli.config.js';
import type { CliIo } from '../cli-command.js';

/** A CliIo whose output the test reads back (not a terminal). */
export function captureIo(env: Env = {}): CliIo & { out: () => string; err: () => string } {
  const stream = () => {
    const chunks: string[] = [];
    const s = Object.assign(new PassThrough(), { isTTY: false });
    s.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    return { stream: s as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
  };
  const stdout = stream();
  const stderr = stream();
  return { env, stdout: stdout.stream, stderr: stderr.stream, out: stdout.text, err: stderr.text };
}
