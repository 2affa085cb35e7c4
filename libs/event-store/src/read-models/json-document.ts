import { InvalidArgumentError } from '../event-store.errors.js';
import { findNonJson } from '../validation.js';

/** Read-model documents are plain JSON, like event data. */
export function serializeDocument(document: unknown): string {
  const notJson = findNonJson(document, 'document');
  if (notJson) throw new InvalidArgumentError(`Read-model document is not JSON at ${notJson}`);
  return JSON.stringify(document);
}
