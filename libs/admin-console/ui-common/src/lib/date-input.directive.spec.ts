import { dateInputProblem } from './date-input.directive';

describe('dateInputProblem (what a native date input holds)', () => {
  it('refuses segments that make no date, which the browser hands over as an empty value', () => {
    expect(dateInputProblem({ badInput: true })).toBe('Not a real date: check the day, month and year');
  });

  it('lets a real date or an empty field through (required and ranges are other rules)', () => {
    expect(dateInputProblem({ badInput: false })).toBeNull();
    expect(dateInputProblem(undefined)).toBeNull();
  });
});
