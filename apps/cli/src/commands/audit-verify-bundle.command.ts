import { readFileSync } from 'node:fs';
import { verifyBundle } from '@jejak/audit';
import type { AuditCliContext } from './audit-context.js';
import { AuditUsageError, parseAuditArgs, required } from './audit-args.js';

export const AUDIT_VERIFY_BUNDLE_USAGE =
  'audit verify-bundle FILE --public-key KEY.pem [--json]\n' +
  '  Offline (no store, no server): signature, signed head, hash chain, fold to the claimed state.';

/** `audit verify-bundle`: exit 0 when every check passes, 1 otherwise. */
export function auditVerifyBundleCommand(
  args: string[],
  context: AuditCliContext,
): Promise<number> {
  const { values, positionals } = parseAuditArgs(
    args,
    { 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    true,
  );
  if (positionals.length !== 1) throw new AuditUsageError('give exactly one bundle FILE');
  const publicKeyPem = readFileSync(required(values['public-key'], '--public-key'), 'utf8');
  const verdict = verifyBundle(
    readFileSync(positionals[0]!, 'utf8'),
    publicKeyPem,
    context.procedures,
  );
  if (values.json) context.out(`${JSON.stringify(verdict)}\n`);
  else {
    for (const check of verdict.checks)
      context.out(`${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.detail}\n`);
    context.out(
      verdict.ok
        ? `OK: ${verdict.streamId} revision ${verdict.revision}, head ${verdict.headHash}\n`
        : 'BUNDLE DOES NOT VERIFY\n',
    );
  }
  return Promise.resolve(verdict.ok ? 0 : 1);
}
