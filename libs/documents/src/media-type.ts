import { fileTypeFromBuffer } from 'file-type';

/** The evidence files jejak accepts: signed PDFs and scans. */
export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/**
 * The file's type recognised from its first bytes (never from its name or the client's
 * Content-Type), or undefined when it is none of the accepted ones.
 */
export async function recogniseMediaType(head: Uint8Array): Promise<AcceptedMediaType | undefined> {
  const type = await fileTypeFromBuffer(head);
  return ACCEPTED_MEDIA_TYPES.find((accepted) => accepted === type?.mime);
}
