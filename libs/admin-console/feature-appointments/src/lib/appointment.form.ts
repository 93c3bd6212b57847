import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { CreateAppointmentBody, UpdateAppointmentBody } from '@claimline/contracts/claims';
import type { AppointmentView, Attendance, FeeScheduleEntryView } from '@claimline/contracts/claims/plain';
import type { BillingType } from '@claimline/domain';
import { centsToDollars, codesOf, dollarsToCents, feeKey, isTelehealth } from './appointment-words';

/** One service line; the control names are the API's, so a 422 on `lines.0.feeCents` lands on its field. */
export type LineGroup = FormGroup<{
  procedure: FormControl<string>;
  /** Space-separated, e.g. "95 HO". */
  modifiers: FormControl<string>;
  units: FormControl<number>;
  /** Dollars as typed, e.g. "160.00". */
  feeCents: FormControl<string>;
  /** The schedule's fee for this procedure and modifiers when it was last looked up (null: none). */
  scheduleFeeCents: FormControl<number | null>;
  /** Space-separated, e.g. "1 2". */
  diagnosisPointers: FormControl<string>;
}>;

export type AppointmentForm = FormGroup<{
  clientId: FormControl<string>;
  renderingTeamMemberId: FormControl<string>;
  serviceDate: FormControl<string>;
  startTime: FormControl<string>;
  minutes: FormControl<number>;
  placeOfService: FormControl<string>;
  locationId: FormControl<string>;
  diagnoses: FormArray<FormControl<string>>;
  lines: FormArray<LineGroup>;
  attendance: FormControl<Attendance>;
  billingType: FormControl<BillingType>;
}>;

const fee = (text: string) =>
  dollarsToCents(text) === null && text.trim() ? { fee: 'An amount, e.g. 160.00' } : null;

export function lineGroup(line?: AppointmentView['lines'][number]): LineGroup {
  return new FormGroup({
    procedure: new FormControl(line?.procedure ?? '', { nonNullable: true, validators: Validators.required }),
    modifiers: new FormControl(line?.modifiers.join(' ') ?? '', { nonNullable: true }),
    units: new FormControl(line?.units ?? 1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1)],
    }),
    feeCents: new FormControl(centsToDollars(line?.feeCents), {
      nonNullable: true,
      validators: (c) => fee(c.value as string),
    }),
    scheduleFeeCents: new FormControl<number | null>(line?.feeSource === 'schedule' ? line.feeCents : null),
    diagnosisPointers: new FormControl(line?.diagnosisPointers.join(' ') ?? '1', { nonNullable: true }),
  });
}

export function appointmentForm(): AppointmentForm {
  const required = { nonNullable: true as const, validators: Validators.required };
  return new FormGroup({
    clientId: new FormControl('', required),
    renderingTeamMemberId: new FormControl('', required),
    serviceDate: new FormControl('', required),
    startTime: new FormControl('09:00', required),
    minutes: new FormControl(53, { nonNullable: true, validators: [Validators.required, Validators.min(1)] }),
    placeOfService: new FormControl('11', required),
    locationId: new FormControl('', { nonNullable: true }),
    diagnoses: new FormArray<FormControl<string>>([]),
    lines: new FormArray<LineGroup>([lineGroup()]),
    attendance: new FormControl<Attendance>('attended', { nonNullable: true }),
    billingType: new FormControl<BillingType>('insurance', { nonNullable: true }),
  });
}

/** Fills the form with a saved appointment. */
export function fillAppointment(form: AppointmentForm, a: AppointmentView): void {
  form.controls.diagnoses.clear({ emitEvent: false });
  for (const d of a.diagnoses)
    form.controls.diagnoses.push(new FormControl(d, { nonNullable: true }), { emitEvent: false });
  form.controls.lines.clear({ emitEvent: false });
  for (const l of a.lines) form.controls.lines.push(lineGroup(l), { emitEvent: false });
  form.patchValue(
    {
      clientId: a.clientId,
      renderingTeamMemberId: a.renderingTeamMemberId,
      serviceDate: a.serviceDate,
      startTime: a.startTime,
      minutes: a.minutes,
      placeOfService: a.placeOfService,
      locationId: a.locationId ?? '',
      attendance: a.attendance,
      billingType: a.billingType,
    },
    { emitEvent: false },
  );
  form.markAsPristine();
}

/**
 * The fee schedule's fee for a line's procedure and modifiers; puts it in the fee field when the
 * field is empty or still holds the previous schedule fee (a fee the person typed stays).
 */
export function applyScheduleFee(line: LineGroup, schedule: ReadonlyMap<string, number>): void {
  const { procedure, modifiers, feeCents, scheduleFeeCents } = line.controls;
  const found = schedule.get(feeKey(procedure.value, codesOf(modifiers.value))) ?? null;
  const typed = dollarsToCents(feeCents.value);
  const untouched = !feeCents.value.trim() || typed === scheduleFeeCents.value;
  scheduleFeeCents.setValue(found, { emitEvent: false });
  if (untouched) feeCents.setValue(centsToDollars(found), { emitEvent: false });
}

export function scheduleMap(entries: readonly FeeScheduleEntryView[]): Map<string, number> {
  return new Map(entries.map((e) => [feeKey(e.procedure, e.modifiers), e.feeCents]));
}

/**
 * The body the API takes. A fee equal to the schedule's is left out, so the appointment records
 * that it came from the schedule; another fee is sent as an override; an empty fee lets the server
 * price it (and say when the schedule has none).
 */
export function appointmentBody(form: AppointmentForm): CreateAppointmentBody {
  const v = form.getRawValue();
  return {
    clientId: v.clientId,
    renderingTeamMemberId: v.renderingTeamMemberId,
    serviceDate: v.serviceDate,
    startTime: v.startTime,
    minutes: Number(v.minutes),
    locationId: isTelehealth(v.placeOfService) ? null : v.locationId || null,
    placeOfService: v.placeOfService,
    diagnoses: v.diagnoses,
    lines: v.lines.map((l) => {
      const cents = dollarsToCents(l.feeCents);
      return {
        procedure: l.procedure.trim().toUpperCase(),
        modifiers: codesOf(l.modifiers),
        units: Number(l.units),
        ...(cents !== null && cents !== l.scheduleFeeCents && { feeCents: cents }),
        diagnosisPointers: codesOf(l.diagnosisPointers).map(Number),
      };
    }),
    attendance: v.attendance,
    billingType: v.billingType,
  };
}

/** A PATCH of everything the form holds, with the version read (the server keeps what did not change). */
export function appointmentPatch(form: AppointmentForm, version: number): UpdateAppointmentBody {
  return { ...appointmentBody(form), version };
}
