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
    // BPR16 20002316 is an impossible date: found since dates are checked (issue #16)
    expect(codes(fixture('835', 'managed-care.835'), MAP_835)).toEqual([
      '4:element-format',
      '10:missing-segment',
    ]);
    expect(codes(fixture('835', 'profee.edi'), MAP_835)).toEqual([]);
    expect(codes(fixture('835', 'cob-contractural-adjustment.835'), MAP_835)).toContain('4:missing-element');
    for (const name of fixtureNames('277ca'))
      expect(codes(fixture('277ca', name), MAP_277CA)).toEqual(['19:missing-segment']);
    expect(codes(fixture('999', 'x12_999_rejected.txt'), MAP_999)).toEqual([]);
    // GS05 102497 has 97 seconds: found since times are checked (issue #16)
    expect(codes(fixture('999', 'x12_999_accepted.txt'), MAP_999)).toEqual([
      '2:element-format',
      '10:iea-control',
    ]);
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

describe('loops that repeat straight after a one-segment iteration', () => {
  it('counts two referring providers (2310A) in a row as two loops, not a segment used twice', () => {
    const text = fixture('837p', 'demo.example1.837')
      .replace(
        'HI*BK:0340*BF:V7389~\n',
        'HI*BK:0340*BF:V7389~\nNM1*DN*1*WELBY*MARCUS****XX*1234567893~\nNM1*DN*1*KILDARE*JAMES****XX*1245319599~\n',
      )
      .replace('SE*40*', 'SE*42*');
    expect(validate(text, MAP_837P).findings.map((f) => f.message)).toEqual([
      'GS08 "005010X222A2" is not a valid code',
    ]);
    const three = text
      .replace('NM1*DN*1*KILDARE', 'NM1*DN*1*ADAMS*ANN****XX*1234567893~\nNM1*DN*1*KILDARE')
      .replace('SE*42*', 'SE*43*');
    expect(codes(three)).toContain('32:loop-repeat');
  });

  it('counts two IK3 in a row in a 999 as two 2100 loops', () => {
    const text = fixture('999', 'x12_999_rejected.txt')
      .replace('IK3*NM*17**1~', 'IK3*NM1*17**8~\nIK3*N3*18**8~')
      .replace('SE*7*', 'SE*8*');
    expect(codes(text, MAP_999)).toEqual([]);
  });
});

describe('checks as strict as the guides', () => {
  const good = fixture('837p', 'demo.example1.837');
  const errors = (text: string, map = MAP_837P) =>
    validate(text, map)
      .findings.filter((f) => f.severity === 'error')
      .map((f) => `${f.segmentNumber}:${f.code}`);

  it('makes wrong SE, GE and IEA counts errors', () => {
    const text = good.replace('SE*40*', 'SE*41*').replace('GE*1*', 'GE*2*').replace('IEA*1*', 'IEA*3*');
    expect(errors(text)).toEqual(expect.arrayContaining(['42:se-count', '43:ge-count', '44:iea-count']));
  });

  it('checks LX numbering within a claim and HL numbering', () => {
    expect(errors(good.replace('LX*3~', 'LX*4~'))).toContain('36:lx-sequence');
    const hl = good.replace('HL*3*2*23*0~', 'HL*4*2*23*0~');
    expect(errors(hl)).toContain('21:hl-sequence');
  });

  it('refuses a second interchange with the same ISA13', () => {
    expect(errors(good + good)).toContain('45:isa-duplicate');
  });

  it('checks dates, date ranges and times', () => {
    expect(errors(good.replace('DTP*472*D8*20061003~', 'DTP*472*D8*20060230~'))).toContain(
      '32:element-format',
    );
    expect(errors(good.replace('DTP*472*D8*20061003~', 'DTP*472*RD8*20061010-20061003~'))).toContain(
      '32:element-format',
    );
    expect(errors(good.replace('DMG*D8*19730501*M', 'DMG*D8*19731301*M'))).toContain('26:element-format');
    expect(errors(good.replace('*20061015*1023*CH~', '*20061015*2561*CH~'))).toContain('4:element-format');
    expect(errors(good.replace('*20131031*1147*1*X*', '*20131131*1147*1*X*'))).toContain('2:element-format');
  });

  it('refuses trailing element and component separators', () => {
    expect(errors(good.replace('REF*D9*17312345600006351~', 'REF*D9*17312345600006351*~'))).toContain(
      '28:trailing-separator',
    );
    expect(errors(good.replace('SV1*HC:99213*', 'SV1*HC:99213:*'))).toContain('31:trailing-separator');
  });
});
