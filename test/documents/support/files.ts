import { randomBytes } from 'node:crypto';

/** A small PDF (recognised by its `%PDF-` header), unique unless a label repeats. */
export function aPdf(label = randomBytes(8).toString('hex')): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A valid 1x1 transparent PNG. */
export function aPng(): Buffer {
  return Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489' +
      '0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082',
    'hex',
  );
}

/** A JPEG start (SOI + JFIF APP0 segment), then zeros. */
export function aJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(64),
  ]);
}
