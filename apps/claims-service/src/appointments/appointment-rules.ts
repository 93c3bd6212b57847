import type { FieldError } from '@claimline/contracts/common';
import {
  MAX_DIAGNOSES,
  TELEHEALTH_MODIFIERS,
  TELEHEALTH_PLACES_OF_SERVICE,
  type ServiceLineInput,
} from '@claimline/contracts/claims';
import {
  checkDiagnosisCode,
  findModifier,
  findPlaceOfService,
  findProcedureCode,
} from '@claimline/reference-data';

/** What the rules look at: an appointment as it would be saved (a PATCH merged over the stored one). */
export interface AppointmentFacts {
  serviceDate: string;
  placeOfService: string;
  locationId: string | null;
  diagnoses: readonly string[];
  lines: readonly Pick<ServiceLineInput, 'procedure' | 'modifiers' | 'diagnosisPointers'>[];
}

export function isTelehealth(placeOfService: string): boolean {
  return (TELEHEALTH_PLACES_OF_SERVICE as readonly string[]).includes(placeOfService);
}

/**
 * Every rule across fields an appointment breaks, each naming its field, so one answer lists all
 * the corrections (the DTO already checked each field's shape). Diagnoses are checked against the
 * ICD-10-CM release in force on the date of service: a payer refuses a code that did not exist yet.
 */
export function appointmentProblems(a: AppointmentFacts): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, rule: string, message: string) => problems.push({ field, rule, message });

  const place = findPlaceOfService(a.placeOfService);
  if (!place)
    add('placeOfService', 'place_of_service', `${a.placeOfService} is not a CMS place of service code`);
  const telehealth = isTelehealth(a.placeOfService);
  if (place && !telehealth && a.locationId === null)
    add(
      'locationId',
      'required',
      'locationId is required for an office visit (telehealth is place of service 02 or 10)',
    );

  if (a.diagnoses.length > MAX_DIAGNOSES)
    add('diagnoses', 'max_diagnoses', `diagnoses must list at most ${MAX_DIAGNOSES} codes`);
  const seen = new Set<string>();
  a.diagnoses.forEach((input, i) => {
    const checked = checkDiagnosisCode(input, a.serviceDate);
    if (!checked.ok) {
      for (const p of checked.problems) add(`diagnoses.${i}`, p.code, p.message);
    } else if (seen.has(checked.value.code)) {
      add(`diagnoses.${i}`, 'duplicate', `${checked.value.display} is listed twice`);
    } else seen.add(checked.value.code);
  });

  const procedures = a.lines.map((l) => l.procedure);
  a.lines.forEach((line, i) => {
    const at = `lines.${i}`;
    const code = findProcedureCode(line.procedure);
    if (!code)
      add(`${at}.procedure`, 'procedure', `${line.procedure} is not a procedure code this product bills`);
    else if (code.addOn && !procedures.some((p, j) => j !== i && code.addOnTo?.includes(p)))
      add(
        `${at}.procedure`,
        'add_on',
        `${code.code} is an add-on code: bill it with one of ${(code.addOnTo ?? []).join(', ')} on the same appointment`,
      );
    const modifiers = line.modifiers ?? [];
    for (const m of modifiers)
      if (!findModifier(m)) add(`${at}.modifiers`, 'modifier', `${m} is not a modifier this product knows`);
    if (new Set(modifiers).size !== modifiers.length)
      add(`${at}.modifiers`, 'duplicate', 'a modifier is listed twice');
    if (telehealth && !modifiers.some((m) => (TELEHEALTH_MODIFIERS as readonly string[]).includes(m)))
      add(
        `${at}.modifiers`,
        'telehealth',
        `place of service ${a.placeOfService} is telehealth: add modifier 95 (audio and video) or 93 (audio only)`,
      );
    for (const pointer of line.diagnosisPointers)
      if (pointer > a.diagnoses.length)
        add(
          `${at}.diagnosisPointers`,
          'pointer',
          `diagnosis pointer ${pointer} points past the ${a.diagnoses.length} diagnoses of the appointment`,
        );
    if (new Set(line.diagnosisPointers).size !== line.diagnosisPointers.length)
      add(`${at}.diagnosisPointers`, 'duplicate', 'a diagnosis pointer is listed twice');
  });
  return problems;
}
