/**
 * @jejak/audit: replay a selection at any moment, its timeline, chain and checkpoint
 * verification, signed checkpoints and evidence exports (framework-free), plus the Nest module.
 */
export * from './audit.errors.js';
export * from './audit-procedure.js';
export { parseAuditInstant, toWitaIso, formatWita } from './wita-time.js';
export { replayAt, type ReplayPoint, type ReplayedState } from './replay-at.js';
export {
  timeline,
  timelineOf,
  summarizeEvent,
  type Timeline,
  type TimelineEntry,
} from './timeline.js';
export type { TimelineActor } from './event-metadata.js';
export {
  loadAuditSigner,
  signerFromPem,
  verifierFromPem,
  verifierOf,
  verifiersFor,
  trustedVerifiersFrom,
  keyIdOf,
  SIGNING_KEY_FILE,
  type AuditSigner,
  type AuditVerifier,
} from './signing-key.js';
export {
  signCheckpoint,
  checkCheckpoint,
  signedBytesOf,
  type CheckpointPayload,
  type SignedCheckpoint,
} from './checkpoint.js';
export { CHECKPOINT_STREAM, CHECKPOINT_EVENT, readCheckpoints } from './checkpoint-stream.js';
export { checkpointAll, type CheckpointRun } from './checkpoint-all.js';
export { verifyStreamAgainst, type StreamVerification, type BreakReason } from './verify-stream.js';
export {
  verifySelection,
  verifyAll,
  type VerifyOptions,
  type VerifyAllLine,
} from './verify-all.js';
export { canonicalOf, gatherEvidence, type SelectionEvidence } from './evidence.js';
export {
  exportBundle,
  BUNDLE_FORMAT,
  type BundleFile,
  type EvidenceBundle,
  type BundleEvent,
} from './evidence-bundle.js';
export { verifyBundle, type BundleVerdict, type BundleCheck } from './verify-bundle.js';
export { timelineCsv, csvCell, BOM } from './csv-report.js';
export { escapeHtml } from './html-escape.js';
export { renderHtmlReport } from './html-report.js';
export {
  exportSelection,
  parseExportFormat,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportedFile,
} from './export-selection.js';
export { parseCheckpointInterval, DEFAULT_CHECKPOINT_INTERVAL } from './checkpoint-interval.js';
export {
  startCheckpointSchedule,
  CHECKPOINT_QUEUE,
  CHECKPOINT_SCHEDULER_ID,
  checkpointQueueName,
  type RunningSchedule,
} from './checkpoint-scheduler.js';
export { AuditModule, type AuditModuleAsyncOptions } from './nest/audit.module.js';
export type { AuditModuleOptions } from './nest/audit-module.options.js';
export { AuditService, type PublicKeyView } from './nest/audit.service.js';
export { CheckpointLifecycle } from './nest/checkpoint-lifecycle.js';
export { AUDIT_OPTIONS, AUDIT_SIGNER } from './nest/audit.tokens.js';
export { storeKeyOf } from './store-key.js';
