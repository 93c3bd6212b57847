import { activeContentReason, PdfActiveContent } from './pdf-active-content';

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
