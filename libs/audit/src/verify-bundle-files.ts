import { referencedFiles, sha256Of } from '@jejak/documents';
import type { EvidenceBundle } from './evidence-bundle.js';
import type { BundleCheck } from './verify-bundle.js';

/**
 * Every file the bundle's events refer to is in the bundle and its bytes hash to the SHA-256
 * the event recorded; the first failures are named by revision, event type and document.
 */
export function checkBundleFiles(bundle: EvidenceBundle): BundleCheck {
  const byHash = new Map((bundle.files ?? []).map((file) => [file.sha256, file]));
  const verdicts = new Map<string, string | null>();
  const verdictOf = (sha256: string): string | null => {
    if (!verdicts.has(sha256)) {
      const file = byHash.get(sha256);
      let problem: string | null = null;
      if (file === undefined) problem = 'not in the bundle';
      else if (file.contentBase64 === null) problem = 'missing from the store at export';
      else if (sha256Of(Buffer.from(file.contentBase64, 'base64')) !== sha256)
        problem = 'does not match its SHA-256 (altered)';
      verdicts.set(sha256, problem);
    }
    return verdicts.get(sha256)!;
  };
  const failures: string[] = [];
  for (const event of bundle.events) {
    let data: unknown;
    try {
      data = (JSON.parse(event.canonical) as { data?: unknown }).data;
    } catch {
      continue; // the chain check reports unreadable events
    }
    for (const reference of referencedFiles(data)) {
      const problem = verdictOf(reference.sha256);
      if (problem === null) continue;
      const document = reference.documentNumber ?? reference.path;
      failures.push(
        `revision ${event.revision} (${event.type}), document ${document}: file ${reference.sha256} ${problem}`,
      );
    }
  }
  if (failures.length > 0) {
    return { check: 'files', ok: false, detail: failures.slice(0, 5).join('; ') };
  }
  return {
    check: 'files',
    ok: true,
    detail: `${verdicts.size} referenced file(s) present and matching their SHA-256`,
  };
}
