import { fixture } from '../test/fixtures';
import { components, el, tokenize, X12Tokenizer } from './tokenizer';

const ISA_STAR =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260302*1405*^*00501*000000001*0*T*:~';

describe('tokenize', () => {
  it('takes the separators from the ISA segment', () => {
    const r = tokenize(fixture('277ca', 'x12_277CA_rejected.txt'));
    expect(r.error).toBeUndefined();
    expect(r.segments[0].separators).toEqual({ element: '*', component: '|', repetition: '^', segment: '~' });
    const stc = r.segments.find((s) => s.id === 'STC' && s.fields[1].startsWith('A7'))!;
    expect(components(stc, 1)).toEqual(['A7', '562', '85']);
    expect(r.segments).toHaveLength(28);
  });

  it('reads unusual separators and no line breaks', () => {
    const text =
      'ISA|00|          |00|          |ZZ|A              |ZZ|B              |260302|1405|}|00501|000000001|0|T|^\nGS|HC|A|B|20260302|1405|1|X|005010X222A1\nST|837|0001\nSE|2|0001\nGE|1|1\nIEA|1|000000001\n';
    const r = tokenize(text);
    expect(r.error).toBeUndefined();
    expect(r.segments.map((s) => s.id)).toEqual(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);
    expect(r.segments[0].separators).toEqual({
      element: '|',
      component: '^',
      repetition: '}',
      segment: '\n',
    });
    expect(el(r.segments[1], 8)).toBe('005010X222A1');
  });

  it('skips CR/LF between segments and inside wrapped segments', () => {
    const text = `${ISA_STAR}\r\nGS*HC*A*B*20260302*1405*1*X*00501\r\n0X222A1~\r\nIEA*1*000000001~\r\n`;
    const r = tokenize(text);
    expect(r.segments.map((s) => (s.id === 'GS' ? s.fields[8] : s.id))).toEqual([
      'ISA',
      '005010X222A1',
      'IEA',
    ]);
  });

  it('gives the same segments whatever the chunking, for strings and bytes', () => {
    const text = fixture('835', 'profee.edi');
    const whole = tokenize(text).segments.map((s) => s.fields.join('|'));
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 7, 64, 105, 106, 107, 1000]) {
      const t = new X12Tokenizer();
      const got: string[] = [];
      for (let i = 0; i < text.length; i += size)
        got.push(...t.feed(text.slice(i, i + size)).map((s) => s.fields.join('|')));
      got.push(...t.end().map((s) => s.fields.join('|')));
      expect(got).toEqual(whole);
      const b = new X12Tokenizer();
      const gotBytes: string[] = [];
      for (let i = 0; i < bytes.length; i += size)
        gotBytes.push(...b.feed(bytes.subarray(i, i + size)).map((s) => s.fields.join('|')));
      gotBytes.push(...b.end().map((s) => s.fields.join('|')));
      expect(gotBytes).toEqual(whole);
    }
  });

  it('decodes multi-byte characters split across chunks', () => {
    const bytes = new TextEncoder().encode(`${ISA_STAR}NM1*QC*1*MUÑOZ~IEA*1*000000001~`);
    const t = new X12Tokenizer();
    const segs = [...bytes].flatMap((b) => t.feed(new Uint8Array([b])));
    expect(segs[1].fields[3]).toBe('MUÑOZ');
  });

  it('reads several interchanges with different separators in one input', () => {
    const text = fixture('999', 'x12_999_accepted.txt') + fixture('999', 'x12_999_rejected.txt');
    const r = tokenize(text);
    expect(r.error).toBeUndefined();
    expect(r.segments.filter((s) => s.id === 'ISA')).toHaveLength(2);
    expect(r.segments[r.segments.length - 1].separators.component).toBe('|');
    expect(r.segments.map((s) => s.number)).toEqual(r.segments.map((_, i) => i + 1));
  });

  it.each([
    ['', 'no input at all', undefined],
    ['GS*HC~', 'expected ISA', 1],
    ['ISA*00*', 'ISA', 1],
    [
      'ISA*00*          *00*          *ZZ*A              *ZZ*B              *260302*1405*^*00501*000000001*0*T*:~GS*HC~~%%%~',
      'is not a segment id',
      3,
    ],
    [
      'ISA*00*          *00*          *ZZ*A              *ZZ*B              *260302*1405*^*00501*000000001*0*T*::',
      'invalid separators',
      1,
    ],
  ])('reports malformed input %#', (text, message, segmentNumber) => {
    const r = tokenize(text);
    if (segmentNumber === undefined) {
      expect(r.segments).toEqual([]);
      return;
    }
    expect(r.error?.message).toContain(message);
    expect(r.error?.segmentNumber).toBe(segmentNumber);
  });

  it('bounds memory on input without terminators', () => {
    const t = new X12Tokenizer({ maxSegmentLength: 1000 });
    t.feed(ISA_STAR);
    for (let i = 0; i < 10 && !t.error; i++) t.feed('X'.repeat(500));
    expect(t.error?.message).toContain('longer than 1000');
  });
});
