import { AuditError } from '@jejak/audit';
import type { AuditCliContext } from './audit-context.js';
import { AuditUsageError } from './audit-args.js';
import { AUDIT_EXPORT_USAGE, auditExportCommand } from './audit-export.command.js';
import { AUDIT_REPLAY_USAGE, auditReplayCommand } from './audit-replay.command.js';
import {
  AUDIT_VERIFY_BUNDLE_USAGE,
  auditVerifyBundleCommand,
} from './audit-verify-bundle.command.js';
import { AUDIT_VERIFY_USAGE, auditVerifyCommand } from './audit-verify.command.js';

/** A file the user named cannot be read (fs errors come from another realm under Jest). */
const isFileError = (error: unknown): error is Error =>
  typeof error === 'object' &&
  error !== null &&
  ['ENOENT', 'EACCES', 'EISDIR'].includes(String((error as { code?: unknown }).code));

type Subcommand = (args: string[], context: AuditCliContext) => Promise<number>;

const SUBCOMMANDS: Record<string, { run: Subcommand; usage: string }> = {
  verify: { run: auditVerifyCommand, usage: AUDIT_VERIFY_USAGE },
  replay: { run: auditReplayCommand, usage: AUDIT_REPLAY_USAGE },
  export: { run: auditExportCommand, usage: AUDIT_EXPORT_USAGE },
  'verify-bundle': { run: auditVerifyBundleCommand, usage: AUDIT_VERIFY_BUNDLE_USAGE },
  'public-key': {
    run: (_args, context) => {
      context.out(context.loadSigner().publicKeyPem);
      return Promise.resolve(0);
    },
    usage:
      'audit public-key\n  Prints the public key auditors verify bundles and checkpoints with.',
  },
};

export const AUDIT_USAGE = Object.values(SUBCOMMANDS)
  .map((subcommand) => subcommand.usage)
  .join('\n');

/**
 * `jejak audit <subcommand> ...`: returns the exit code (0 ok, 1 verification failed, 2 wrong
 * command line or input). Audit errors (unknown selection, bad time) print their message.
 */
export async function runAuditCommand(args: string[], context: AuditCliContext): Promise<number> {
  const [name, ...rest] = args;
  const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!subcommand) {
    context.err(`${AUDIT_USAGE}\n`);
    return 2;
  }
  try {
    return await subcommand.run(rest, context);
  } catch (error) {
    if (error instanceof AuditUsageError) {
      context.err(`${error.message}\n${subcommand.usage}\n`);
      return 2;
    }
    if (error instanceof AuditError || isFileError(error)) {
      context.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
