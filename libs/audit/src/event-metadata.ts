import type { EventMetadata } from '@jejak/event-store';
import { referencedFiles } from '@jejak/documents';
import type { RecordedDocument } from '@jejak/workflows';

/** Who acted, as recorded on the event (from the verified token at the time). */
export type TimelineActor = { sub?: string; name?: string; nip?: string; role?: string };

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function compact(actor: TimelineActor): TimelineActor | null {
  const entries = Object.entries(actor).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? null : Object.fromEntries(entries);
}

/**
 * The actor: metadata `actor` as JSON `{ sub, name, nip, role }` (nested values are JSON strings
 * in flat metadata), or flat `actorName`/`actorNip`/`actorRole`/`actorSub` and `role`.
 */
export function actorOf(metadata: EventMetadata): TimelineActor | null {
  const nested = parseJson(metadata['actor']);
  const from =
    typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : {};
  return compact({
    sub: text(from['sub']) ?? text(from['id']) ?? metadata['actorSub'] ?? metadata['actorId'],
    name:
      text(from['name']) ??
      metadata['actorName'] ??
      (typeof nested === 'string' ? nested : undefined),
    nip: text(from['nip']) ?? metadata['actorNip'],
    role: text(from['role']) ?? metadata['actorRole'] ?? metadata['role'],
  });
}

export function commandOf(metadata: EventMetadata): string | undefined {
  return text(metadata['command']) ?? text(metadata['commandType']);
}

function citationsIn(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap(citationsIn);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return citationsIn(record['citation'] ?? record['basis'] ?? record['citations']);
  }
  return [];
}

/** Legal basis recorded on the event: a citation, a JSON list, or objects with `citation`. */
export function legalBasisOf(metadata: EventMetadata): string[] {
  return citationsIn(parseJson(metadata['legalBasis']));
}

function isDocument(value: unknown): value is RecordedDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return typeof record['number'] === 'string' && typeof record['issuer'] === 'string';
}

/**
 * Letters and decrees recorded in the event data (number, date, issuer, subject, and the
 * evidence files when it names some), in order.
 */
export function documentsIn(value: unknown): RecordedDocument[] {
  if (isDocument(value)) {
    const { issuer, number, date, subject } = value;
    const files = referencedFiles({ files: value.files }).map(({ sha256, mediaType, size }) => ({
      sha256,
      mediaType,
      size,
    }));
    return [
      {
        issuer,
        number,
        date: String(date ?? ''),
        subject: String(subject ?? ''),
        ...(files.length === 0 ? {} : { files }),
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap(documentsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(documentsIn);
  return [];
}
