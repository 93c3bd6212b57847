import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { PutFeeScheduleBody } from '@claimline/contracts/claims';
import type { FeeScheduleEntryView } from '@claimline/contracts/claims/plain';

/** One fee; control names are the API's, so a 422 on `entries.3.feeCents` lands on its field. */
export type FeeEntryGroup = FormGroup<{
  procedure: FormControl<string>;
  /** Space-separated, e.g. "95 HO". */
  modifiers: FormControl<string>;
  /** Dollars as typed, e.g. "160.00". */
  feeCents: FormControl<string>;
}>;

export type FeeScheduleForm = FormGroup<{ entries: FormArray<FeeEntryGroup> }>;

const AMOUNT = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function feeEntryGroup(entry?: FeeScheduleEntryView): FeeEntryGroup {
  return new FormGroup({
    procedure: new FormControl(entry?.procedure ?? '', {
      nonNullable: true,
      validators: Validators.required,
    }),
    modifiers: new FormControl(entry?.modifiers.join(' ') ?? '', { nonNullable: true }),
    feeCents: new FormControl(entry ? (entry.feeCents / 100).toFixed(2) : '', {
      nonNullable: true,
      validators: [
        Validators.required,
        (c) =>
          !c.value || AMOUNT.test(String(c.value).trim()) ? null : { amount: 'An amount, e.g. 160.00' },
      ],
    }),
  });
}

export function feeScheduleForm(): FeeScheduleForm {
  return new FormGroup({ entries: new FormArray<FeeEntryGroup>([]) });
}

export function fillFeeSchedule(form: FeeScheduleForm, entries: readonly FeeScheduleEntryView[]): void {
  form.controls.entries.clear({ emitEvent: false });
  for (const e of entries) form.controls.entries.push(feeEntryGroup(e), { emitEvent: false });
  form.markAsPristine();
}

/** The PUT body: the whole schedule, and the version read. */
export function feeScheduleBody(form: FeeScheduleForm, version: number): PutFeeScheduleBody {
  return {
    version,
    entries: form.controls.entries.getRawValue().map((e) => {
      const m = AMOUNT.exec(e.feeCents.trim());
      return {
        procedure: e.procedure.trim().toUpperCase(),
        modifiers: e.modifiers
          .split(/[\s,;]+/)
          .map((x) => x.trim().toUpperCase())
          .filter(Boolean),
        feeCents: m ? Number(m[1].replace(/,/g, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : -1,
      };
    }),
  };
}
