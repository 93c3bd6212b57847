import { fixture, fixtureNames } from '../test/fixtures';
import { MAP_277CA } from './generated/map-277ca';
import { MAP_835 } from './generated/map-835';
import { MAP_837P } from './generated/map-837p';
import { MAP_999 } from './generated/map-999';
import { validate } from './validator';

const codes = (text: string, map = MAP_837P) =>
  validate(text, map).findings.map((f) => `${f.segmentNumber}:${f.code}`);

describe('validate against the pyx12 maps', () => {
  it('finds only the GS08 version (X222A2) in the guide examples 1 and 2', () => {
    for (const name of ['demo.example1.837', 'demo.example2.837']) {
      const r = validate(fixture('837p', name), MAP_837P);
      expect(r.transactionCount).toBe(1);
      expect(r.findings.map((f) => f.message)).toEqual(['GS08 "005010X222A2" is not a valid code']);
    }
  });

  it('reports the real defects of x12_valid.txt: ICD-9 HI qualifiers, reused HL01, wrong SE count', () => {
    const found = codes(fixture('837p', 'x12_valid.txt'));
    expect(found).toEqual(
      expect.arrayContaining([
        '23:missing-element',
        '23:invalid-code',
        '27:hl-duplicate',
        '27:hl-parent',
        '36:se-count',
      ]),
    );
    expect(found.filter((c) => c.endsWith('unexpected-segment'))).toEqual([]);
  });

  it('catches the component separator the COB example uses without declaring it', () => {
    const r = validate(fixture('837p', 'demo.cob.2ndary.example4.837'), MAP_837P);
    expect(r.findings.find((f) => f.segmentId === 'CLM')?.message).toContain('CLM05-01 "11>B>1"');
    expect(r.findings.some((f) => f.code === 'unexpected-segment' && f.segmentId === 'HI')).toBe(true);
  });

  it('validates the 835, 277CA and 999 samples with their own maps', () => {
    expect(codes(fixture('835', 'managed-care.835'), MAP_835)).toEqual(['10:missing-segment']);
    expect(codes(fixture('835', 'profee.edi'), MAP_835)).toEqual([]);
    expect(codes(fixture('835', 'cob-contractural-adjustment.835'), MAP_835)).toContain('4:missing-element');
    for (const name of fixtureNames('277ca'))
      expect(codes(fixture('277ca', name), MAP_277CA)).toEqual(['19:missing-segment']);
    expect(codes(fixture('999', 'x12_999_rejected.txt'), MAP_999)).toEqual([]);
    expect(codes(fixture('999', 'x12_999_accepted.txt'), MAP_999)).toEqual(['10:iea-control']);
  });

  it('reports order, repeat and required-segment problems', () => {
    const good = fixture('837p', 'demo.example1.837');
    const noRef = good.replace('REF*EI*587654321~\n', '').replace('SE*40*', 'SE*39*');
    expect(codes(noRef)).toContain('13:missing-segment');
    const swapped = good.replace(
      'N3*234 SEAWAY ST~\nN4*MIAMI*FL*331110000~',
      'N4*MIAMI*FL*331110000~\nN3*234 SEAWAY ST~',
    );
    expect(codes(swapped)).toContain('12:unexpected-segment');
    const badPos = good.replace('11:B:1', '30:B:1');
    expect(codes(badPos)).toContain('27:invalid-code');
  });
});
