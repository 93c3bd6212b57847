import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A real 8 × 8 JPEG (268 bytes), decodable by any viewer. */
const TINY_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIADg9//2Q==',
  'base64',
);
const COM_MAX_PAYLOAD = 0xffff - 2;

/**
 * A decodable JPEG of exactly `size` bytes: the tiny JPEG above with comment (COM) segments of
 * random bytes after its start marker — decoders skip them, so the file is as large as a test
 * needs and its bytes are not guessable, yet it is a real image with a preview.
 */
export function jpeg(size: number): Buffer {
  let padding = size - TINY_JPEG.length;
  if (padding !== 0 && padding < 4)
    throw new Error(`jpeg(${size}): use ${TINY_JPEG.length} or at least ${TINY_JPEG.length + 4} bytes`);
  const segments: Buffer[] = [];
  while (padding > 0) {
    const payload = Math.min(COM_MAX_PAYLOAD, padding - 4);
    // never leave 1..3 bytes that no segment can hold
    const left = padding - 4 - payload;
    const take = left > 0 && left < 4 ? payload - 4 : payload;
    const segment = Buffer.alloc(4 + take);
    segment.set([0xff, 0xfe], 0);
    segment.writeUInt16BE(take + 2, 2);
    randomBytes(take).copy(segment, 4);
    segments.push(segment);
    padding -= 4 + take;
  }
  return Buffer.concat([TINY_JPEG.subarray(0, 2), ...segments, TINY_JPEG.subarray(2)]);
}

/** A photo-like image (random pixels, so it does not compress) of width × height, as PNG or JPEG. */
export function photo(
  width: number,
  height: number,
  format: 'png' | 'jpeg' = 'png',
  orientation?: number,
): Promise<Buffer> {
  const image = sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
  if (orientation) image.withMetadata({ orientation });
  return (format === 'png' ? image.png() : image.jpeg({ quality: 90 })).toBuffer();
}

/** Starts like a JPEG and ends like one, random in between: passes the magic numbers, not the decoder. */
export function fakeJpeg(size: number): Buffer {
  const b = randomBytes(size);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], size - 2);
  return b;
}

/**
 * A well-formed PDF with one page whose content stream is `streamBytes` random bytes (they may well
 * spell `/JS` — stream data is not syntax) and `catalog` added to its catalog dictionary.
 */
export function pdfWithCatalog(catalog: string, streamBytes = 2000): Buffer {
  const data = randomBytes(streamBytes);
  data.write('/JS /OpenAction /EmbeddedFile', 10, 'latin1');
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n' +
        `1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalog} >>\nendobj\n` +
        '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
        '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n' +
        `4 0 obj\n<< /Length ${streamBytes} >>\nstream\n`,
      'latin1',
    ),
    data,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n', 'latin1'),
  ]);
}
