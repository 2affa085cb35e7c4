import { PassThrough } from 'node:stream';
import { createPino, defaultLogDestination } from './create-pino.js';

/** A stdout stand-in that says whether it is a terminal and keeps what is written to it. */
function fakeStdout(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY });
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('where the logs go', () => {
  it('at a terminal: readable lines (time, level, [context] message), not JSON', async () => {
    const stdout = fakeStdout(true);
    const logger = createPino({ destination: defaultLogDestination(stdout.stream) });
    logger.info({ context: 'Bootstrap' }, 'jejak API listening on http://127.0.0.1:3000');
    logger.info({ context: 'Bootstrap' }, '  dashboard: http://127.0.0.1:3000/ui/');
    await new Promise((resolve) => setImmediate(resolve));
    const lines = stdout.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    // eslint-disable-next-line no-control-regex
    const plain = lines.map((line) => line.replace(/\u001b\[\d+m/g, ''));
    expect(plain[0]).toMatch(
      /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] INFO: \[Bootstrap\] jejak API listening on http:\/\/127\.0\.0\.1:3000$/,
    );
    expect(plain[1]).toContain('[Bootstrap]   dashboard: http://127.0.0.1:3000/ui/');
    for (const line of plain) expect(line.startsWith('{')).toBe(false);
  });
});
