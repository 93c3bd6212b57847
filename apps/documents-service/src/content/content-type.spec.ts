import { disguiseProblem, HeadTail, sniffContent } from './content-type';

export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(100, 7),
  Buffer.from([0xff, 0xd9]),
]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(40, 1),
  Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
]);
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1');

const sniff = (b: Buffer) => {
  const ht = new HeadTail();
  // in odd-sized chunks, as a stream would deliver them
  for (let i = 0; i < b.length; i += 7) ht.push(b.subarray(i, i + 7));
  return ht.sniff();
};

describe('content type from the bytes', () => {
  it('recognises complete JPEG, PNG and PDF files', () => {
    expect(sniff(JPEG)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(sniff(PNG)).toEqual({ ok: true, contentType: 'image/png' });
    expect(sniff(PDF)).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('refuses an empty file, HTML, an executable and truncated files with a clear reason', () => {
    expect(sniff(Buffer.alloc(0))).toEqual({ ok: false, reason: 'The file is empty' });
    const html = sniff(Buffer.from('<!DOCTYPE html><script>alert(1)</script>'));
    expect(html).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not a JPEG, PNG or PDF (its first bytes are "<!DOCTYP")'),
    });
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04]))).toMatchObject({
      reason: expect.stringContaining('4D 5A 90 00'),
    });
    expect(sniff(JPEG.subarray(0, 50))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('JPEG image but is truncated'),
    });
    expect(sniff(PNG.subarray(0, PNG.length - 1))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('PNG image but is truncated'),
    });
    expect(sniff(PDF.subarray(0, 20))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('PDF but is truncated'),
    });
    expect(sniffContent(Buffer.from([0xff, 0xd8, 0xff]), Buffer.from([0xff, 0xd8, 0xff]), 3)).toMatchObject({
      ok: false,
    });
  });

  it('keeps only the head and a bounded tail of a large stream', () => {
    const ht = new HeadTail();
    ht.push(JPEG.subarray(0, 4));
    for (let i = 0; i < 100; i++) ht.push(Buffer.alloc(64 * 1024, i));
    ht.push(Buffer.from([0xff, 0xd9]));
    expect(ht.size).toBe(4 + 100 * 64 * 1024 + 2);
    expect(ht.sniff()).toEqual({ ok: true, contentType: 'image/jpeg' });
  });

  it('refuses a disguised file: a name or declared type that says another type', () => {
    expect(disguiseProblem('image/jpeg', 'card.jpg', 'image/jpeg')).toBeNull();
    expect(disguiseProblem('image/jpeg', 'card.JPEG', 'image/jpg')).toBeNull();
    expect(disguiseProblem('application/pdf', 'scan', 'application/octet-stream')).toBeNull();
    expect(disguiseProblem('application/pdf', 'card.jpg', 'image/jpeg')).toBe(
      'The file was sent as image/jpeg but its content is a PDF',
    );
    expect(disguiseProblem('application/pdf', 'card.jpg', undefined)).toBe(
      'The file is named .jpg but its content is a PDF',
    );
    expect(disguiseProblem('application/pdf', 'invoice.exe')).toContain('A .exe file is not accepted');
  });
});
