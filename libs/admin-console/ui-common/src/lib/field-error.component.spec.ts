import { FormControl, Validators } from '@angular/forms';
import { errorText } from './field-error.component';

describe('errorText', () => {
  it('words Angular’s number limits instead of "Invalid value"', () => {
    expect(errorText(new FormControl(-3, Validators.min(1)))).toBe('Must be 1 or more');
    expect(errorText(new FormControl(1000, Validators.max(999)))).toBe('Must be 999 or less');
  });

  it('gives our validators’ own message, and nothing for a valid control', () => {
    expect(errorText(new FormControl('x', () => ({ visits: 'Visits must be 1 or more' })))).toBe(
      'Visits must be 1 or more',
    );
    expect(errorText(new FormControl('ok'))).toBeNull();
  });
});
