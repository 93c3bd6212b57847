import { FormControl, FormGroup } from '@angular/forms';
import {
  dateProblem,
  dateValidator,
  memberIdValidator,
  notBefore,
  today,
  visitsProblem,
  visitsValidator,
} from './forms';

describe('client form rules', () => {
  it('accepts real calendar dates and says what is wrong with the others', () => {
    expect(dateProblem('', 'Birth date')).toBeNull();
    expect(dateProblem('1990-02-28', 'Birth date')).toBeNull();
    expect(dateProblem('02/28/1990', 'Birth date')).toBe('Birth date must be a date');
    expect(dateProblem('1990-02-30', 'Birth date')).toBe('Birth date is not a real calendar date');
    expect(dateProblem('1899-12-31', 'Birth date')).toBe('Birth date must be in 1900 or later');
  });

  it('refuses a future birth date only where the field says so', () => {
    const next = `${new Date().getFullYear() + 1}-01-01`;
    expect(dateProblem(next, 'Birth date', { notFuture: true })).toBe('Birth date cannot be in the future');
    expect(dateProblem(next, 'Coverage end')).toBeNull();
    expect(dateProblem(today(), 'Birth date', { notFuture: true })).toBeNull();
    expect(new FormControl('1990-13-01', dateValidator('Birth date')).errors).toEqual({
      date: 'Birth date is not a real calendar date',
    });
  });

  it('refuses an end before the start of a range', () => {
    const form = new FormGroup({
      from: new FormControl('2026-05-10'),
      to: new FormControl('2026-05-09', notBefore('from', 'Valid to must not be before valid from')),
    });
    form.controls.to.updateValueAndValidity();
    expect(form.controls.to.errors).toEqual({ range: 'Valid to must not be before valid from' });
    form.controls.to.setValue('2026-05-10');
    expect(form.controls.to.errors).toBeNull();
  });

  it('checks a member ID as the card shows it', () => {
    expect(new FormControl('W123 456-789', memberIdValidator).errors).toBeNull();
    expect(new FormControl('', memberIdValidator).errors).toBeNull();
    expect(new FormControl('!!', memberIdValidator).errors?.['memberId']).toEqual(expect.any(String));
  });

  it('says what is wrong with a number of authorized visits', () => {
    expect(visitsProblem(-3)).toBe('Visits must be 1 or more');
    expect(visitsProblem(0)).toBe('Visits must be 1 or more');
    expect(visitsProblem(2.5)).toBe('Visits must be a whole number');
    expect(visitsProblem(1000)).toBe('Visits must be 999 or fewer');
    expect(visitsProblem(12)).toBeNull();
    expect(visitsProblem(null)).toBeNull();
    expect(new FormControl(-3, visitsValidator).errors).toEqual({ visits: 'Visits must be 1 or more' });
  });
});
