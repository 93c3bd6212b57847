import { randomBytes } from 'node:crypto';
import { constants, createDeflate, deflateSync } from 'node:zlib';
import {
  activeContentReason,
  PDF_SCAN_LIMITS,
  PdfActiveContent,
  uninspectableReason,
} from './pdf-active-content';

const scan = (text: string | Buffer, step = 3): string | null => {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  const scanner = new PdfActiveContent();
  // in small chunks, so every token is split somewhere, as a stream would deliver them
  for (let i = 0; i < bytes.length; i += step) scanner.push(bytes.subarray(i, i + step));
  scanner.end();
  return scanner.found;
};

const pdfWith = (catalog: string): string =>
  `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalog} >>\nendobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;

describe('active content in a PDF', () => {
  it.each([
    ['/OpenAction << /S /JavaScript /JS (app.alert(1)) >>', 'OpenAction'],
    ['/Names << /JavaScript 5 0 R >>', 'JavaScript'],
    ['/AA << /O 6 0 R >>', 'AA'],
    ['/Names << /EmbeddedFiles 7 0 R >>', 'EmbeddedFiles'],
    ['/X << /S /Launch /F (calc.exe) >>', 'Launch'],
    ['/AcroForm << /XFA 8 0 R >>', 'XFA'],
    ['/X << /Subtype /RichMedia >>', 'RichMedia'],
    ['/X<</S/JS>>', 'JS'],
  ])('finds %s', (catalog, name) => {
    expect(scan(pdfWith(catalog))).toBe(name);
    expect(scan(pdfWith(catalog), 1)).toBe(name);
  });

  it('decodes #xx escapes in names (/J#61vaScript, /#4A#53, /Open#41ction)', () => {
    expect(scan(pdfWith('/Names << /J#61vaScript 5 0 R >>'))).toBe('JavaScript');
    expect(scan(pdfWith('/X << /S /#4A#53 >>'))).toBe('JS');
    expect(scan(pdfWith('/Open#41ction 3 0 R'))).toBe('OpenAction');
  });

  it('finds a name at the very end of the bytes', () => {
    expect(scan('%PDF-1.7\n/JavaScript')).toBe('JavaScript');
  });

  it('ignores the words in comments, strings, hex strings and stream data, and other names', () => {
    const quiet = pdfWith(
      '/Title (a /JavaScript \\) /JS (nested /Launch) string) /Id <2F4A53> /URI (x) /AcroForm << /Fields [] >> ' +
        '% a comment /JS /OpenAction\n /Contents 9 0 R',
    );
    expect(scan(quiet)).toBeNull();
    const stream = Buffer.concat([
      Buffer.from('%PDF-1.7\n9 0 obj << /Length 40 >>\nstream\r\n', 'latin1'),
      Buffer.from('binary /JS /OpenAction /EmbeddedFile ', 'latin1'),
      Buffer.from([0xff, 0x00, 0x2f, 0x41, 0x41]),
      Buffer.from('\nendstream\nendobj\n/Type /Catalog\n%%EOF\n', 'latin1'),
    ]);
    expect(scan(stream)).toBeNull();
    expect(scan(Buffer.concat([stream, Buffer.from('/Launch', 'latin1')]))).toBe('Launch');
    expect(scan(pdfWith('/JSX 1 /AAA 2 /Java 3'))).toBeNull();
  });

  it('says what was found and why it is refused', () => {
    expect(activeContentReason('JavaScript')).toMatch(/^The PDF contains active content \(\/JavaScript\)/);
  });
});

/** Objects of an object stream: `N` pairs of number and offset, then the objects from `First`. */
function objectStreamBody(objects: Array<[number, string]>): { body: string; first: number } {
  let offset = 0;
  const pairs: string[] = [];
  for (const [num, text] of objects) {
    pairs.push(`${num} ${offset}`);
    offset += text.length + 1;
  }
  const header = pairs.join(' ') + '\n';
  return { body: header + objects.map(([, text]) => text).join('\n') + '\n', first: header.length };
}

interface ObjStmOptions {
  /** The stream dictionary's entries besides /N, /First and /Length (default: a Flate object stream). */
  dict?: string;
  /** The stream's data, instead of the deflated objects. */
  data?: Buffer;
  deflate?: boolean;
}

/**
 * A PDF 1.5 as writers make them: the catalog and page tree inside a compressed object stream,
 * found through a cross-reference stream with the offsets a reader uses.
 */
function pdfWithObjectStream(catalog: string, options: ObjStmOptions = {}): Buffer {
  const { body, first } = objectStreamBody([
    [1, `<< /Type /Catalog /Pages 2 0 R ${catalog} >>`],
    [2, '<< /Type /Pages /Kids [] /Count 0 >>'],
  ]);
  const deflate = options.deflate ?? true;
  const data =
    options.data ?? (deflate ? deflateSync(Buffer.from(body, 'latin1')) : Buffer.from(body, 'latin1'));
  const dict = options.dict ?? `/Type /ObjStm${deflate ? ' /Filter /FlateDecode' : ''}`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  const objStmOffset = size();
  parts.push(
    Buffer.from(`3 0 obj\n<< ${dict} /N 2 /First ${first} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  );
  const xrefOffset = size();
  // /W [1 4 2]: type, offset or object stream number, generation or index in the object stream
  const row = (type: number, field2: number, field3: number) => {
    const b = Buffer.alloc(7);
    b.writeUInt8(type, 0);
    b.writeUInt32BE(field2, 1);
    b.writeUInt16BE(field3, 5);
    return b;
  };
  const xref = Buffer.concat([
    row(0, 0, 65535),
    row(2, 3, 0),
    row(2, 3, 1),
    row(1, objStmOffset, 0),
    row(1, xrefOffset, 0),
  ]);
  parts.push(
    Buffer.from(
      `4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Length ${xref.length} >>\nstream\n`,
      'latin1',
    ),
    xref,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

const scanWith = (bytes: Buffer, limits = PDF_SCAN_LIMITS, step = 7): PdfActiveContent => {
  const scanner = new PdfActiveContent(limits);
  for (let i = 0; i < bytes.length; i += step) scanner.push(bytes.subarray(i, i + step));
  scanner.end();
  return scanner;
};

describe('active content inside object streams', () => {
  it('inflates a Flate object stream and finds what it holds, in chunks of any size', () => {
    const pdf = pdfWithObjectStream('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>');
    expect(pdf.includes('OpenAction')).toBe(false);
    for (const step of [1, 3, 7, 4096]) expect(scanWith(pdf, PDF_SCAN_LIMITS, step).found).toBe('OpenAction');
    expect(scanWith(pdfWithObjectStream('/Names << /J#61vaScript 5 0 R >>')).found).toBe('JavaScript');
  });

  it('accepts an ordinary compressed PDF', () => {
    const scanner = scanWith(pdfWithObjectStream('/PageMode /UseOutlines /Outlines << /First 5 0 R >>'));
    expect(scanner.found).toBeNull();
    expect(scanner.uninspectable).toBeNull();
  });

  it('reads an object stream without /Type (readers find it through /First) and one not compressed', () => {
    const untyped = pdfWithObjectStream('/OpenAction 9 0 R', { dict: '/Filter /FlateDecode' });
    expect(scanWith(untyped).found).toBe('OpenAction');
    expect(scanWith(pdfWithObjectStream('/AA << >>', { deflate: false })).found).toBe('AA');
    const arrayFilter = pdfWithObjectStream('/AA << >>', { dict: '/Type /ObjStm /Filter [ /FlateDecode ]' });
    expect(scanWith(arrayFilter).found).toBe('AA');
  });

  it('reads a stream cut short by the end of the file as far as it goes', () => {
    const pdf = pdfWithObjectStream('/OpenAction 9 0 R');
    const cut = pdf.subarray(0, pdf.indexOf('endstream') - 1);
    expect(scanWith(cut).found).toBe('OpenAction');
  });

  it('skips other compressed streams: their bytes are not objects', () => {
    const image = deflateSync(Buffer.from('/JS /OpenAction '.repeat(100), 'latin1'));
    const pdf = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n5 0 obj\n<< /Type /XObject /Subtype /Image /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
        'latin1',
      ),
      image,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    const scanner = scanWith(pdf);
    expect(scanner.found).toBeNull();
    expect(scanner.uninspectable).toBeNull();
  });

  it.each([
    ['another filter', '/Type /ObjStm /Filter /LZWDecode', /compressed with \/LZWDecode/],
    ['a chain of filters', '/Type /ObjStm /Filter [/ASCII85Decode /FlateDecode]', /filter chain/],
    ['a filter by reference', '/Type /ObjStm /Filter 9 0 R', /by reference/],
    [
      'a predictor',
      '/Type /ObjStm /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>',
      /DecodeParms/,
    ],
  ])('refuses to guess at an object stream with %s', (_what, dict, reason) => {
    const scanner = scanWith(pdfWithObjectStream('/OpenAction 9 0 R', { dict }));
    expect(scanner.found).toBeNull();
    expect(scanner.uninspectable).toMatch(reason);
  });

  it('does not stop at an `endstream` spelled inside the compressed data', async () => {
    // A stored (uncompressed) deflate block that spells `endstream`, then the objects compressed.
    const deflate = createDeflate({ level: 0 });
    const parts: Buffer[] = [];
    deflate.on('data', (c: Buffer) => parts.push(c));
    const ended = new Promise((r) => deflate.on('end', r));
    deflate.write(Buffer.from('1 0 2 40\n<< /Note (endstream) >>\n', 'latin1'));
    await new Promise<void>((r) => deflate.params(9, constants.Z_DEFAULT_STRATEGY, () => r()));
    deflate.end(Buffer.from('<< /Type /Catalog /OpenAction 9 0 R >>'.padEnd(400, ' '), 'latin1'));
    await ended;
    const data = Buffer.concat(parts);
    expect(data.includes('endstream')).toBe(true);
    expect(data.includes('OpenAction')).toBe(false);
    const scanner = scanWith(pdfWithObjectStream('', { data }));
    expect(scanner.found !== null || scanner.uninspectable !== null).toBe(true);
  });

  it('refuses corrupt compressed data', () => {
    const data = deflateSync(Buffer.from('1 0 << /Type /Catalog >>', 'latin1'));
    data[4] ^= 0xff;
    data[5] ^= 0xff;
    const scanner = scanWith(pdfWithObjectStream('', { data }));
    expect(scanner.uninspectable).toMatch(/cannot be inflated/);
  });

  it('stops a decompression bomb at the bound instead of inflating it', () => {
    // 64 MiB of spaces deflate to about 64 KB; the default bound stops at 16 MiB.
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(PDF_SCAN_LIMITS.maxObjectStreamBytes);
    const before = process.memoryUsage().arrayBuffers;
    const scanner = scanWith(pdfWithObjectStream('', { data: bomb }), PDF_SCAN_LIMITS, 65536);
    expect(scanner.uninspectable).toBe(`an object stream inflates to more than ${16 * 1024 * 1024} bytes`);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('bounds what all object streams inflate to, how many there are and how long one is', () => {
    const limits = {
      maxObjectStreamBytes: 4096,
      maxInflatedBytes: 1000,
      maxTotalInflatedBytes: 1500,
      maxObjectStreams: 3,
    };
    const objStm = (size: number) => {
      const data = deflateSync(Buffer.alloc(size, 0x20));
      return Buffer.concat([
        Buffer.from(
          `7 0 obj\n<< /Type /ObjStm /N 0 /First 0 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
          'latin1',
        ),
        data,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]);
    };
    const pdf = (...streams: Buffer[]) =>
      Buffer.concat([Buffer.from('%PDF-1.5\n', 'latin1'), ...streams, Buffer.from('%%EOF\n')]);
    expect(scanWith(pdf(objStm(900)), limits).uninspectable).toBeNull();
    expect(scanWith(pdf(objStm(1001)), limits).uninspectable).toMatch(/inflates to more than 1000 bytes/);
    expect(scanWith(pdf(objStm(900), objStm(900)), limits).uninspectable).toMatch(
      /more than 1500 bytes together/,
    );
    expect(scanWith(pdf(objStm(10), objStm(10), objStm(10)), limits).uninspectable).toBeNull();
    expect(scanWith(pdf(objStm(10), objStm(10), objStm(10), objStm(10)), limits).uninspectable).toMatch(
      /more than 3 object streams/,
    );
    const long = pdfWithObjectStream('', { data: randomBytes(5000) });
    expect(scanWith(long, limits).uninspectable).toMatch(/longer than 4096 bytes/);
  });

  it('says why a file it cannot inspect is refused', () => {
    expect(uninspectableReason('an object stream is compressed with /LZWDecode')).toMatch(
      /^The PDF cannot be checked for active content \(an object stream is compressed with \/LZWDecode\)/,
    );
  });
});
