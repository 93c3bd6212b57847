import { randomBytes } from 'node:crypto';

/**
 * A PDF of exactly `size` bytes (at least its header and end marker, 78): a header, comment lines
 * of random text, the end marker. Its bytes cannot be guessed, so a test that finds them somewhere found the file.
 */
export function testPdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  if (size < head.length + tail.length)
    throw new RangeError(`testPdf(${size}): a PDF needs at least ${head.length + tail.length} bytes`);
  const body = Buffer.from(
    randomBytes(size)
      .toString('base64')
      .slice(0, size - head.length - tail.length),
    'latin1',
  );
  for (let i = 0; i < body.length; i += 80) body[i] = 0x25; // '%' starts each 80-character comment line
  for (let i = 79; i < body.length; i += 80) body[i] = 0x0a;
  return Buffer.concat([head, body, tail]);
}
