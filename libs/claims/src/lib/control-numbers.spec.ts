import {
  lineControlNumber,
  parseLineControlNumber,
  parsePatientControlNumber,
  patientControlNumber,
  PATIENT_CONTROL_NUMBER_MAX_LENGTH,
} from './control-numbers';

describe('patient control numbers', () => {
  it('are CL, the sequence in base 36 and a check character', () => {
    const pcn = patientControlNumber(100);
    expect(pcn).toMatch(/^CL0000002S[0-9A-Z]$/);
    expect(parsePatientControlNumber(pcn)).toEqual({ sequence: 100, resubmission: 0 });
  });

  it('mark resubmissions, which parse back', () => {
    const pcn = patientControlNumber(100, 2);
    expect(pcn).toBe(`${patientControlNumber(100)}-2`);
    expect(parsePatientControlNumber(pcn)).toEqual({ sequence: 100, resubmission: 2 });
  });

  it('stay within 17 X12-safe characters up to the largest sequence', () => {
    const longest = patientControlNumber(Number.MAX_SAFE_INTEGER, 99);
    expect(longest.length).toBeLessThanOrEqual(PATIENT_CONTROL_NUMBER_MAX_LENGTH);
    expect(longest).toMatch(/^[0-9A-Z-]+$/);
    expect(parsePatientControlNumber(longest)).toEqual({
      sequence: Number.MAX_SAFE_INTEGER,
      resubmission: 99,
    });
  });

  it('are unique per sequence', () => {
    const seen = new Set<string>();
    for (let s = 1; s <= 20000; s++) seen.add(patientControlNumber(s));
    expect(seen.size).toBe(20000);
  });

  it('catch every single mistyped character and every swap of neighbours', () => {
    const pcn = patientControlNumber(987654321);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 2; i < pcn.length; i++) {
      for (const ch of alphabet) {
        if (ch === pcn[i]) continue;
        expect(parsePatientControlNumber(pcn.slice(0, i) + ch + pcn.slice(i + 1))).toBeUndefined();
      }
      if (i + 1 < pcn.length && pcn[i] !== pcn[i + 1])
        expect(
          parsePatientControlNumber(pcn.slice(0, i) + pcn[i + 1] + pcn[i] + pcn.slice(i + 2)),
        ).toBeUndefined();
    }
  });

  it.each([
    '',
    'CL',
    'cl0000002s4',
    'XX0000002S4',
    'CL0000002S4-0',
    'CL0000002S4-100',
    'CL00002S4',
    ' CL0000002S4',
  ])('refuse %p', (value) => expect(parsePatientControlNumber(value)).toBeUndefined());

  it('refuse sequences that are not positive whole numbers', () => {
    expect(() => patientControlNumber(0)).toThrow(RangeError);
    expect(() => patientControlNumber(1.5)).toThrow(RangeError);
    expect(() => patientControlNumber(1, 100)).toThrow(RangeError);
  });
});

describe('line control numbers', () => {
  it('add the line number and parse back to the claim', () => {
    const pcn = patientControlNumber(4242, 1);
    const line = lineControlNumber(pcn, 7);
    expect(line).toBe(`${pcn}-L7`);
    expect(parseLineControlNumber(line)).toEqual({
      patientControlNumber: pcn,
      sequence: 4242,
      resubmission: 1,
      lineNumber: 7,
    });
    expect(parseLineControlNumber(lineControlNumber(patientControlNumber(5), 50))).toMatchObject({
      sequence: 5,
      resubmission: 0,
      lineNumber: 50,
    });
  });

  it('refuse what we did not write', () => {
    expect(parseLineControlNumber('CL0000002S4')).toBeUndefined();
    expect(parseLineControlNumber('CL0000002S5-L1')).toBeUndefined();
    expect(parseLineControlNumber(`${patientControlNumber(9)}-L0`)).toBeUndefined();
    expect(() => lineControlNumber('ABC', 1)).toThrow(RangeError);
    expect(() => lineControlNumber(patientControlNumber(9), 0)).toThrow(RangeError);
  });
});
