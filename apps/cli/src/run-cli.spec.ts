import { ConfigValidationError } from './cli.config.js';
import { UsageError, type CliCommand } from './cli-command.js';
import { runCli } from './run-cli.js';
import { captureIo } from './testing/capture-io.js';

const echo: CliCommand = {
  name: 'echo',
  summary: 'prints its arguments',
  usage: 'jejak echo WORDS...',
  run: (args, io) => {
    if (args.length === 0) throw new UsageError('say something');
    if (args[0] === 'config') {
      throw new ConfigValidationError([{ variable: 'PORT', message: 'must be an integer' }]);
    }
    io.stdout.write(args.join(' '));
    return Promise.resolve(0);
  },
};

describe('runCli', () => {
  it('runs the named command with the remaining arguments', async () => {
    const io = captureIo();
    await expect(runCli(['echo', 'apa', 'kabar'], io, [echo])).resolves.toBe(0);
    expect(io.out()).toBe('apa kabar');
  });

  it('lists the commands for --help (exit 0) and without a command (exit 2)', async () => {
    const help = captureIo();
    await expect(runCli(['--help'], help, [echo])).resolves.toBe(0);
    expect(help.out()).toContain('echo  prints its arguments');
    await expect(runCli([], captureIo(), [echo])).resolves.toBe(2);
  });

  it('prints a command usage for `<command> --help`', async () => {
    const io = captureIo();
    await expect(runCli(['echo', '--help'], io, [echo])).resolves.toBe(0);
    expect(io.out()).toBe('jejak echo WORDS...\n');
  });

  it('answers an unknown command with exit 2 and the list', async () => {
    const io = captureIo();
    await expect(runCli(['deploy'], io, [echo])).resolves.toBe(2);
    expect(io.err()).toContain('Unknown command "deploy"');
  });

  it('turns usage and configuration errors into exit 2 with the message', async () => {
    const usage = captureIo();
    await expect(runCli(['echo'], usage, [echo])).resolves.toBe(2);
    expect(usage.err()).toContain('say something\n\njejak echo WORDS...');
    const config = captureIo();
    await expect(runCli(['echo', 'config'], config, [echo])).resolves.toBe(2);
    expect(config.err()).toContain('PORT: must be an integer');
  });
});
