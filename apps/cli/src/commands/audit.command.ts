import type { CliCommand } from '../cli-command.js';
import { auditCliContext } from './audit-context.js';
import { AUDIT_USAGE, runAuditCommand } from './audit-commands.js';

/** `jejak audit verify|replay|export|verify-bundle|public-key` (libs/audit). */
export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'verify hash chains and checkpoints, replay a selection at an instant, export evidence',
  usage: AUDIT_USAGE,
  run: (args, io) => runAuditCommand(args, auditCliContext(io.env, io)),
};
