import { Directive, ElementRef, inject, type OnDestroy } from '@angular/core';
import { NG_VALIDATORS, type ValidationErrors, type Validator } from '@angular/forms';

/**
 * Why what the browser holds in a date input is not a date, or null. A native date input whose
 * segments make no date (02/30/2031, or a half-typed one) gives the form an empty value, so
 * without this the form would take an impossible date for "not set".
 */
export function dateInputProblem(validity: Pick<ValidityState, 'badInput'> | undefined): string | null {
  return validity?.badInput ? 'Not a real date: check the day, month and year' : null;
}

/**
 * On every `<input type="date">` bound to a form control: what was typed but makes no date is an
 * error on the control (`{ date: message }`), not an empty field. Import it where a date input is.
 */
@Directive({
  selector: 'input[type=date][formControlName], input[type=date][formControl]',
  providers: [{ provide: NG_VALIDATORS, useExisting: DateInputDirective, multi: true }],
  host: { '(blur)': 'recheck()', '(input)': 'recheck()', '(keyup)': 'recheck()' },
})
export class DateInputDirective implements Validator, OnDestroy {
  private readonly el = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;
  private onChange: (() => void) | null = null;
  private wasBad = false;

  validate(): ValidationErrors | null {
    const problem = dateInputProblem(this.el.validity);
    this.wasBad = problem !== null;
    return problem ? { date: problem } : null;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.onChange = fn;
  }

  // The value stays '' while the segments change from a half-typed date to an impossible one, so
  // Angular sees no change: the validity is read again on each key and when the field is left.
  protected recheck(): void {
    if (dateInputProblem(this.el.validity) !== null || this.wasBad) this.onChange?.();
  }

  ngOnDestroy(): void {
    this.onChange = null;
  }
}
