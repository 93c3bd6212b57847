import {
  BEHAVIORAL_HEALTH_PROCEDURE_CODES,
  findModifier,
  findProcedureCode,
  PROCEDURE_MODIFIERS,
} from './procedure-codes';

describe('procedure codes', () => {
  it.each([
    '90791',
    '90792',
    '90832',
    '90833',
    '90834',
    '90836',
    '90837',
    '90838',
    '90839',
    '90846',
    '90847',
    '90849',
    '90853',
    '96127',
  ])('knows %s', (code) => expect(findProcedureCode(code)?.description).toBeTruthy());

  it('marks add-on codes and what they follow', () => {
    expect(findProcedureCode('+90840')).toMatchObject({ addOn: true, addOnTo: ['90839'] });
    expect(findProcedureCode('90785')?.addOnTo).toContain('90834');
    expect(findProcedureCode('90785')?.addOnTo).not.toContain('90839');
    expect(findProcedureCode('90837')?.addOn).toBe(false);
  });

  it('gives time ranges that do not overlap for 90832/90834/90837', () => {
    expect(findProcedureCode('90832')?.minutes).toEqual({ from: 16, to: 37 });
    expect(findProcedureCode('90834')?.minutes).toEqual({ from: 38, to: 52 });
    expect(findProcedureCode('90837')?.minutes).toEqual({ from: 53 });
  });

  it('does not know other codes', () => {
    expect(findProcedureCode('99213')).toBeUndefined();
    expect(findProcedureCode('')).toBeUndefined();
  });

  it('has unique five-digit codes, every add-on saying what it follows', () => {
    const codes = BEHAVIORAL_HEALTH_PROCEDURE_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{5}$/.test(c))).toBe(true);
    expect(BEHAVIORAL_HEALTH_PROCEDURE_CODES.filter((c) => c.addOn).every((c) => c.addOnTo?.length)).toBe(
      true,
    );
  });
});

describe('modifiers', () => {
  it.each(['95', '93', 'GT', 'FQ', 'HO', 'HN', 'HP', 'HJ', '59', 'XE', 'XP', 'XS', 'XU', '25', 'GQ'])(
    'knows %s',
    (code) => expect(findModifier(code)).toBeDefined(),
  );

  it('ignores case', () => expect(findModifier('ho')?.kind).toBe('credential'));
  it('marks GT as legacy', () => expect(findModifier('GT')?.legacy).toBe(true));
  it('does not know ZZ', () => expect(findModifier('ZZ')).toBeUndefined());
  it('has unique two-character codes', () => {
    const codes = PROCEDURE_MODIFIERS.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[0-9A-Z]{2}$/.test(c))).toBe(true);
  });
});
