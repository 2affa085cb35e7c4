import { isSha256 } from './sha256.js';

/** A file as an event refers to it: its hash, type and size, never its bytes. */
export type DocumentFile = { sha256: string; mediaType: string; size: number };

/** One reference found in event data: the file, where it sits, and the document it proves. */
export type FileReference = DocumentFile & {
  /** Path of the `files` entry in the data, e.g. `decree.files[0]`. */
  path: string;
  /** The number of the document (decree, letter) the file belongs to, when it has one. */
  documentNumber?: string;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object';

function isDocumentFile(value: unknown): value is DocumentFile {
  return (
    isObject(value) &&
    isSha256(value['sha256']) &&
    typeof value['mediaType'] === 'string' &&
    typeof value['size'] === 'number'
  );
}

const join = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;

/**
 * Every file referred to in a command body or event data: each `files: [{ sha256, mediaType,
 * size }]` of a recorded document, at any depth. Entries that are not file references are left
 * out (the API's validation refuses them before anything is stored).
 */
export function referencedFiles(data: unknown, parent = ''): FileReference[] {
  if (Array.isArray(data))
    return data.flatMap((item, index) => referencedFiles(item, join(parent, index)));
  if (!isObject(data)) return [];
  const found: FileReference[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'files' && Array.isArray(value)) {
      const number = typeof data['number'] === 'string' ? data['number'] : undefined;
      value.forEach((file, index) => {
        if (!isDocumentFile(file)) return;
        found.push({
          sha256: file.sha256,
          mediaType: file.mediaType,
          size: file.size,
          path: join(join(parent, key), index),
          ...(number === undefined ? {} : { documentNumber: number }),
        });
      });
    } else {
      found.push(...referencedFiles(value, join(parent, key)));
    }
  }
  return found;
}
