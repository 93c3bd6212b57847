import { validateSync } from 'class-validator';
import { IsNpi, npiProblem } from './validators';

class Member {
  @IsNpi()
  npi: string;
}

describe('IsNpi', () => {
  it('accepts a valid NPI', () => {
    const m = Object.assign(new Member(), { npi: '1234567893' });
    expect(validateSync(m)).toHaveLength(0);
  });

  it.each([
    ['1234567890', 'NPI 1234567890 fails its check digit'],
    ['12345', 'NPI 12345 must be 10 digits long'],
    ['3234567893', 'NPI 3234567893 must start with 1 or 2'],
    ['12345x7893', 'NPI 12345x7893 must contain digits only'],
  ])('refuses %s saying why', (npi, message) => {
    const errors = validateSync(Object.assign(new Member(), { npi }));
    expect(errors[0].constraints).toEqual({ npi: message });
    expect(npiProblem(npi)).toBe(message);
  });
});
