import { testPdf } from './test-files';

describe('testPdf', () => {
  it('is exactly the size asked for, a PDF from header to end marker, and never the same twice', () => {
    for (const size of [78, 1000, 300_001]) {
      const pdf = testPdf(size);
      expect(pdf.length).toBe(size);
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(pdf.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    }
    expect(testPdf(1000).equals(testPdf(1000))).toBe(false);
  });

  it('refuses a size that cannot hold its header and end marker', () => {
    expect(() => testPdf(77)).toThrow('testPdf(77): a PDF needs at least 78 bytes');
  });

  it('keeps its random text in comment lines', () => {
    const lines = testPdf(1000).toString('latin1').split('\n').slice(2, -3);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.startsWith('%')).toBe(true);
  });
});
