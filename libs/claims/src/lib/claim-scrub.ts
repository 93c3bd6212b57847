import {
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  ENROLLMENT_STATUS_LABELS,
  isOneOf,
  isPoBox,
  isUsStateCode,
  parseMemberId,
  parseNpi,
  parseTaxId,
  parseTaxonomyCode,
  parseZipCode,
  type ClaimStatus,
  type Problem,
  type Result,
} from '@claimline/domain';
import {
  checkDiagnosisCode,
  findPlaceOfService,
  findProcedureCode,
  isTelehealthPlaceOfService,
} from '@claimline/reference-data';
import { write837p, type Problem as WriterProblem } from '@claimline/x12';
import { buildClaimBatch837, type Submission837Config } from './claim-837p';
import { MAX_CLAIM_DIAGNOSES, MAX_CLAIM_LINES } from './claim-grouping';
import type { ClaimLineSnapshot, ClaimSnapshot, ScrubContext, SnapshotAddress } from './claim-snapshot';
import { parseLineControlNumber, parsePatientControlNumber } from './control-numbers';

/** The record a biller opens to fix a finding; `id` is that record's id when the snapshot knows it. */
export type FixTarget =
  | 'client'
  | 'policy'
  | 'practice'
  | 'team_member'
  | 'location'
  | 'appointment'
  | 'enrollment'
  | 'authorization'
  | 'claim';

export interface ScrubFinding {
  /** Stable, dotted, for programs and tests: `subscriber.member_id_missing`. */
  readonly code: string;
  /** An error keeps the claim from being submitted (status Scrub); a warning is shown only. */
  readonly severity: 'error' | 'warning';
  /** In a biller's words. */
  readonly message: string;
  readonly fix: { readonly target: FixTarget; readonly id?: string; readonly field: string };
}

/** Days before the timely-filing limit from which a claim not yet sent is flagged. */
export const TIMELY_FILING_WARNING_DAYS = 14;

const CLOSED_STATUSES: readonly string[] = ['void'] satisfies readonly ClaimStatus[];
const TELEHEALTH_MODIFIERS = ['95', '93'];
const EVALUATION_AND_MANAGEMENT = /^99(20[2-5]|21[1-5]|22[1-3]|23[1-3]|30[4-9]|310|34[1-5]|34[7-9]|350)$/;

/** The writer's checks run on a batch; its envelope values here are placeholders that always pass. */
const SCRUB_SUBMISSION: Submission837Config = {
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'SCRUB' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'SCRUB' },
  applicationSender: 'SCRUB',
  applicationReceiver: 'SCRUB',
  submitter: { name: 'Scrub', id: 'SCRUB', contactName: 'Scrub', phone: '5555555555' },
  receiver: { name: 'Scrub', id: 'SCRUB' },
};
const SCRUB_HEADER = { batchId: 'SCRUB', createdAt: new Date(0) };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A real calendar date as YYYY-MM-DD (no 2026-02-30), by arithmetic: scrubbing asks this of every line. */
function isIsoDate(value: string | undefined): value is string {
  if (!value || value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

class Findings {
  readonly list: ScrubFinding[] = [];
  /** Parts of the claim (as the 837P writer names them) that already have an error of ours. */
  readonly areas = new Set<string>();

  add(
    area: string,
    severity: ScrubFinding['severity'],
    code: string,
    message: string,
    fix: ScrubFinding['fix'],
  ) {
    this.list.push({ code, severity, message, fix });
    if (severity === 'error') this.areas.add(area);
  }
  error(area: string, code: string, message: string, fix: ScrubFinding['fix']) {
    this.add(area, 'error', code, message, fix);
  }
  warning(area: string, code: string, message: string, fix: ScrubFinding['fix']) {
    this.add(area, 'warning', code, message, fix);
  }
  /** A domain parser's problems, reworded to say whose value it is. */
  result<T>(area: string, result: Result<T>, who: string, code: string, fix: ScrubFinding['fix']) {
    if (!result.ok)
      for (const p of result.problems)
        this.error(area, `${code}.${p.code.split('.').pop()}`, reword(p, who), fix);
  }
}

function reword(problem: Problem, who: string): string {
  if (!who) return problem.message;
  // "ZIP code…" and "NPI…" keep their capitals; "Tax ID…" becomes "tax ID…" after the owner.
  const m = problem.message;
  return `${who} ${/^[A-Z][a-z]/.test(m) ? m.charAt(0).toLowerCase() + m.slice(1) : m}`;
}

function checkAddress(
  f: Findings,
  area: string,
  a: SnapshotAddress | undefined,
  who: string,
  code: string,
  fix: (field: string) => ScrubFinding['fix'],
  zipPlus4 = false,
) {
  if (!a) return f.error(area, `${code}.address_missing`, `${who} address is missing`, fix('address'));
  if (!a.line1?.trim())
    f.error(area, `${code}.street_missing`, `${who} street address is missing`, fix('address.line1'));
  if (!a.city?.trim()) f.error(area, `${code}.city_missing`, `${who} city is missing`, fix('address.city'));
  if (!isUsStateCode(a.state ?? ''))
    f.error(
      area,
      `${code}.state`,
      `${who} state "${a.state ?? ''}" is not a US state code`,
      fix('address.state'),
    );
  const zip = parseZipCode(a.postalCode ?? '');
  if (!zip.ok) f.result(area, zip, `${who}`, code, fix('address.postalCode'));
  else if (zipPlus4 && zip.value.length !== 10)
    f.error(
      area,
      `${code}.zip_plus_4`,
      `${who} ZIP code ${zip.value} needs its 4-digit extension (ZIP+4)`,
      fix('address.postalCode'),
    );
}

/**
 * Checks a claim before submission (or printing) and names every problem with where to fix it.
 * Pure: everything it needs from elsewhere is in `context`. The 837P writer's own checks run last
 * (mapping the snapshot as `snapshotToClaim837` does); a writer problem in a part of the claim that
 * already has an error here is left out, as it says the same thing in X12 words.
 */
export function scrubClaim(s: ClaimSnapshot, context: ScrubContext): ScrubFinding[] {
  const f = new Findings();
  const src = s.sources;
  const client = (field: string) => ({ target: 'client' as const, id: src.clientId, field });
  const policy = (field: string) => ({ target: 'policy' as const, id: src.policyId, field });
  const claim = (field: string) => ({ target: 'claim' as const, id: s.claimId, field });
  const billingFix = (field: string) =>
    s.billingProvider.billAs === 'individual' && src.billingTeamMemberId
      ? { target: 'team_member' as const, id: src.billingTeamMemberId, field }
      : { target: 'practice' as const, id: src.practiceId, field };
  const rendering = (field: string) => ({
    target: 'team_member' as const,
    id: src.renderingTeamMemberId,
    field,
  });
  const location = (field: string) =>
    src.locationId
      ? { target: 'location' as const, id: src.locationId, field }
      : billingFix(`serviceFacility.${field}`);
  const appointment = (l: ClaimLineSnapshot, field: string) => ({
    target: 'appointment' as const,
    id: l.appointmentId,
    field,
  });
  const electronic = context.submission === 'electronic';

  // The claim's own numbers: made by us, so a bad one is a bug, but it would lose the payer's answers.
  if (!parsePatientControlNumber(s.patientControlNumber))
    f.error(
      'id',
      'claim.control_number',
      `Claim number ${s.patientControlNumber} is not one Claimline made`,
      claim('patientControlNumber'),
    );
  if ((s.frequencyCode === '7' || s.frequencyCode === '8') && !s.originalClaimNumber?.trim())
    f.error(
      'originalClaimNumber',
      'claim.original_claim_number',
      `A ${s.frequencyCode === '7' ? 'replacement' : 'void'} claim needs the payer's claim number of the claim it ${s.frequencyCode === '7' ? 'replaces' : 'voids'}`,
      claim('originalClaimNumber'),
    );

  // Subscriber and client.
  f.result(
    'subscriber',
    parseMemberId(s.subscriber.memberId ?? ''),
    '',
    'subscriber.member_id',
    policy('memberId'),
  );
  const self = s.patient.relationshipToSubscriber === 'self';
  if (!self) {
    if (!s.subscriber.lastName?.trim() || !s.subscriber.firstName?.trim())
      f.error(
        'subscriber',
        'subscriber.name_missing',
        "The subscriber's name is missing",
        policy('subscriber.name'),
      );
    if (s.subscriber.address)
      checkAddress(f, 'subscriber', s.subscriber.address, "The subscriber's", 'subscriber', (field) =>
        policy(`subscriber.${field}`),
      );
  }
  if (!s.patient.lastName?.trim() || !s.patient.firstName?.trim())
    f.error('patient', 'patient.name_missing', "Client's name is missing", client('name'));
  if (!s.patient.birthDate)
    f.error(
      self ? 'subscriber' : 'patient',
      'patient.birth_date_missing',
      "Client's date of birth is missing",
      client('birthDate'),
    );
  else if (!isIsoDate(s.patient.birthDate))
    f.error(
      self ? 'subscriber' : 'patient',
      'patient.birth_date_invalid',
      `Client's date of birth ${s.patient.birthDate} is not a date`,
      client('birthDate'),
    );
  else if (s.patient.birthDate > context.today)
    f.error(
      self ? 'subscriber' : 'patient',
      'patient.birth_date_future',
      `Client's date of birth ${s.patient.birthDate} is in the future`,
      client('birthDate'),
    );
  if (!s.patient.sex)
    f.error(self ? 'subscriber' : 'patient', 'patient.sex_missing', "Client's sex is missing", client('sex'));
  checkAddress(f, self ? 'subscriber' : 'patient', s.patient.address, "Client's", 'patient', client);

  // Payer.
  if (electronic && !s.payer.payerId?.trim())
    f.error(
      'payer',
      'payer.id_missing',
      `${s.payer.name || 'The payer'} has no electronic payer ID`,
      policy('payer'),
    );

  // Billing provider.
  const bp = s.billingProvider;
  const bpWho = bp.billAs === 'individual' ? "The billing clinician's" : "The practice's billing";
  f.result('billingProvider', parseNpi(bp.npi ?? ''), bpWho, 'billing_provider.npi', billingFix('npi'));
  f.result(
    'billingProvider',
    parseTaxId(bp.taxId?.value ?? '', bp.taxId?.kind),
    bpWho,
    'billing_provider.tax_id',
    billingFix('taxId'),
  );
  if (!bp.taxonomy)
    f.warning(
      'billingProvider',
      'billing_provider.taxonomy_missing',
      `${bpWho} taxonomy code is missing; most payers want it`,
      billingFix('taxonomy'),
    );
  else
    f.result(
      'billingProvider',
      parseTaxonomyCode(bp.taxonomy),
      bpWho,
      'billing_provider.taxonomy',
      billingFix('taxonomy'),
    );
  if (bp.address?.line1 && isPoBox(bp.address.line1))
    f.error(
      'billingProvider',
      'billing_provider.po_box',
      `${bpWho} address "${bp.address.line1}" is a PO box: claims need the street address`,
      billingFix('address.line1'),
    );
  checkAddress(f, 'billingProvider', bp.address, `${bpWho}`, 'billing_provider', billingFix, true);

  // Rendering clinician and service facility.
  const rp = s.renderingProvider;
  f.result(
    'renderingProvider',
    parseNpi(rp.npi ?? ''),
    `${rp.firstName} ${rp.lastName}'s`.trim(),
    'rendering_provider.npi',
    rendering('npi'),
  );
  if (rp.taxonomy)
    f.result(
      'renderingProvider',
      parseTaxonomyCode(rp.taxonomy),
      `${rp.firstName} ${rp.lastName}'s`,
      'rendering_provider.taxonomy',
      rendering('taxonomy'),
    );
  if (s.serviceFacility) {
    const sf = s.serviceFacility;
    if (!sf.name?.trim())
      f.error(
        'serviceFacility',
        'service_facility.name_missing',
        'The service location has no name',
        location('name'),
      );
    if (sf.npi)
      f.result(
        'serviceFacility',
        parseNpi(sf.npi),
        'The service location',
        'service_facility.npi',
        location('npi'),
      );
    checkAddress(f, 'serviceFacility', sf.address, 'The service location', 'service_facility', location);
  }

  // Diagnoses.
  const firstDate = s.lines
    .map((l) => l.serviceDate)
    .filter(isIsoDate)
    .sort()[0];
  const dxFix = (index: number) => {
    const l = s.lines.find((line) => line.diagnosisPointers.includes(index + 1)) ?? s.lines[0];
    return l ? appointment(l, 'diagnoses') : claim('diagnoses');
  };
  if (s.diagnoses.length === 0)
    f.error('diagnoses', 'diagnosis.missing', 'The claim has no diagnosis', claim('diagnoses'));
  if (s.diagnoses.length > MAX_CLAIM_DIAGNOSES)
    f.error(
      'diagnoses',
      'diagnosis.too_many',
      `The claim has ${s.diagnoses.length} diagnoses; a claim holds ${MAX_CLAIM_DIAGNOSES}`,
      claim('diagnoses'),
    );
  const seenDx = new Set<string>();
  s.diagnoses.forEach((code, index) => {
    const checked = checkDiagnosisCode(code, firstDate);
    if (!checked.ok) f.result('diagnoses', checked, '', 'diagnosis', dxFix(index));
    else if (seenDx.has(checked.value.code))
      f.error('diagnoses', 'diagnosis.duplicate', `${checked.value.display} is listed twice`, dxFix(index));
    else seenDx.add(checked.value.code);
  });

  // Lines.
  if (s.lines.length === 0) f.error('lines', 'line.missing', 'The claim has no service line', claim('lines'));
  if (s.lines.length > MAX_CLAIM_LINES)
    f.error(
      'lines',
      'line.too_many',
      `The claim has ${s.lines.length} service lines; a claim holds ${MAX_CLAIM_LINES}`,
      claim('lines'),
    );
  const claimPos = s.lines[0]?.placeOfService;
  const seenLines = new Map<string, number>();
  s.lines.forEach((l, i) => checkLine(f, s, l, i, claimPos, seenLines, context, appointment));

  // Context: filing limits, duplicates, enrollment, authorization.
  if (context.timelyFilingDays !== undefined && s.frequencyCode === '1')
    for (const l of s.lines) {
      if (!isIsoDate(l.serviceDate)) continue;
      const age = daysBetween(l.serviceDate, context.today);
      if (age > context.timelyFilingDays)
        f.error(
          'timelyFiling',
          'claim.timely_filing_passed',
          `Timely filing passed for ${l.procedure} on ${l.serviceDate}: ${s.payer.name} takes claims up to ${context.timelyFilingDays} days after the date of service, and it has been ${age}`,
          appointment(l, 'serviceDate'),
        );
      else if (age > context.timelyFilingDays - TIMELY_FILING_WARNING_DAYS)
        f.warning(
          'timelyFiling',
          'claim.timely_filing_soon',
          `Timely filing for ${l.procedure} on ${l.serviceDate} ends in ${context.timelyFilingDays - age} days`,
          appointment(l, 'serviceDate'),
        );
    }
  for (const other of context.existingClaims ?? []) {
    if (other.claimId === s.claimId || CLOSED_STATUSES.includes(other.status)) continue;
    for (const l of s.lines)
      if (other.lines.some((o) => o.serviceDate === l.serviceDate && o.procedure === l.procedure)) {
        const status = isOneOf(CLAIM_STATUSES, other.status)
          ? CLAIM_STATUS_LABELS[other.status]
          : other.status;
        f.error(
          'duplicate',
          'claim.duplicate',
          `Duplicate claim: ${l.procedure} on ${l.serviceDate} for this client is already on claim ${other.patientControlNumber} (${status})`,
          appointment(l, 'claim'),
        );
      }
  }
  if (
    electronic &&
    context.claimFilingEnrollment &&
    !['accepted', 'not_required'].includes(context.claimFilingEnrollment)
  )
    f.error(
      'enrollment',
      'enrollment.claim_filing',
      `Electronic claims to ${s.payer.name} need an accepted claim-filing enrollment; it is ${ENROLLMENT_STATUS_LABELS[context.claimFilingEnrollment]}. Print the claim or wait for the enrollment`,
      { target: 'enrollment', id: src.practiceId, field: 'claim_filing' },
    );
  checkAuthorization(f, s, context, policy, appointment);

  addWriterProblems(f, s, { client, policy, claim, billingFix, rendering, location, appointment });
  return f.list;
}

function checkLine(
  f: Findings,
  s: ClaimSnapshot,
  l: ClaimLineSnapshot,
  i: number,
  claimPos: string | undefined,
  seen: Map<string, number>,
  context: ScrubContext,
  appointment: (l: ClaimLineSnapshot, field: string) => ScrubFinding['fix'],
) {
  const area = `lines[${i}]`;
  const fix = (field: string) => appointment(l, field);
  const code = l.procedure ?? '';
  const known = findProcedureCode(code);
  if (!/^[A-Z0-9]{5}$/.test(code))
    f.error(
      area,
      'line.procedure_format',
      `"${code}" is not a CPT or HCPCS code (5 letters or digits)`,
      fix('procedure'),
    );
  else if (!known)
    f.warning(
      area,
      'line.procedure_unknown',
      `${code} is not a behavioural-health code Claimline knows: check it`,
      fix('procedure'),
    );

  if (!isIsoDate(l.serviceDate))
    f.error(
      area,
      'line.service_date',
      `Date of service "${l.serviceDate}" is not a date`,
      fix('serviceDate'),
    );
  else if (l.serviceDate > context.today)
    f.error(
      area,
      'line.service_date_future',
      `${code} on ${l.serviceDate} is in the future: bill it after it happens`,
      fix('serviceDate'),
    );

  if (l.modifiers.length > 4)
    f.error(
      area,
      'line.modifiers_too_many',
      `${code} has ${l.modifiers.length} modifiers; a line holds 4`,
      fix('modifiers'),
    );
  for (const m of l.modifiers)
    if (!/^[A-Z0-9]{2}$/.test(m))
      f.error(
        area,
        'line.modifier_format',
        `Modifier "${m}" on ${code} is not 2 letters or digits`,
        fix('modifiers'),
      );

  if (!Number.isFinite(l.units) || l.units <= 0)
    f.error(area, 'line.units', `Units of ${code} must be more than 0`, fix('units'));
  if (!Number.isSafeInteger(l.chargeCents) || l.chargeCents <= 0)
    f.error(area, 'line.charge', `The fee of ${code} must be more than $0.00`, fix('fee'));

  const pos = findPlaceOfService(l.placeOfService ?? '');
  if (!pos)
    f.error(
      area,
      'line.place_of_service',
      `Place of service "${l.placeOfService}" is not a CMS place-of-service code`,
      fix('placeOfService'),
    );
  else if (claimPos !== undefined && pos.code !== claimPos)
    f.error(
      area,
      'line.place_of_service_mixed',
      `${code} on ${l.serviceDate} is at place of service ${pos.code}, the claim at ${claimPos}: bill it on its own claim`,
      fix('placeOfService'),
    );
  const telehealthModifier = l.modifiers.some((m) => TELEHEALTH_MODIFIERS.includes(m));
  if (pos && isTelehealthPlaceOfService(pos.code) && !telehealthModifier)
    f.error(
      area,
      'line.telehealth_modifier_missing',
      `Telehealth place of service ${pos.code} needs modifier 95 (video) or 93 (audio only) on ${code}`,
      fix('modifiers'),
    );
  if (pos && !isTelehealthPlaceOfService(pos.code) && telehealthModifier)
    f.warning(
      area,
      'line.telehealth_modifier_place',
      `${code} has a telehealth modifier but place of service ${pos.code} (${pos.name}) is not telehealth`,
      fix('placeOfService'),
    );

  if (l.diagnosisPointers.length === 0)
    f.error(
      area,
      'line.pointer_missing',
      `${code} on ${l.serviceDate} points at no diagnosis`,
      fix('diagnosisPointers'),
    );
  if (l.diagnosisPointers.length > 4)
    f.error(
      area,
      'line.pointer_too_many',
      `${code} has ${l.diagnosisPointers.length} diagnosis pointers; a line holds 4`,
      fix('diagnosisPointers'),
    );
  for (const p of l.diagnosisPointers)
    if (!Number.isInteger(p) || p < 1 || p > s.diagnoses.length)
      f.error(
        area,
        'line.pointer_dangling',
        `Diagnosis pointer ${p} points at no diagnosis (the claim has ${s.diagnoses.length})`,
        fix('diagnosisPointers'),
      );
  if (new Set(l.diagnosisPointers).size !== l.diagnosisPointers.length)
    f.warning(
      area,
      'line.pointer_repeated',
      `${code} points at the same diagnosis twice`,
      fix('diagnosisPointers'),
    );

  const crisisContinues = s.lines.some((o) => o.serviceDate === l.serviceDate && o.procedure === '90840');
  checkTime(f, area, l, code, fix, crisisContinues);

  if (known?.addOn && known.addOnTo) {
    const sameDay = s.lines.filter((o) => o !== l && o.serviceDate === l.serviceDate).map((o) => o.procedure);
    const primary = known.addOnTo.includes('E/M')
      ? sameDay.some((p) => EVALUATION_AND_MANAGEMENT.test(p))
      : sameDay.some((p) => known.addOnTo?.includes(p));
    if (!primary)
      f.error(
        area,
        'line.add_on_alone',
        `+${code} is an add-on code: bill it with ${known.addOnTo.includes('E/M') ? 'an evaluation and management visit' : known.addOnTo.join(', ')} on the same date (${l.serviceDate})`,
        fix('procedure'),
      );
  }

  const key = `${l.serviceDate}|${code}|${[...l.modifiers].sort().join(',')}`;
  const earlier = seen.get(key);
  if (earlier !== undefined && !known?.addOn)
    f.warning(
      area,
      'line.repeated',
      `${code} on ${l.serviceDate} is on lines ${earlier + 1} and ${i + 1}`,
      fix('procedure'),
    );
  else seen.set(key, i);

  if (
    !parseLineControlNumber(l.lineControlNumber) ||
    !l.lineControlNumber.startsWith(`${s.patientControlNumber}-L`)
  )
    f.error(
      area,
      'line.control_number',
      `Line ${i + 1} has a line number Claimline did not make for this claim`,
      {
        target: 'claim',
        id: s.claimId,
        field: `lines[${i}].lineControlNumber`,
      },
    );
}

/** Time-based codes: the session length must fit the code, and the units follow from it. */
function checkTime(
  f: Findings,
  area: string,
  l: ClaimLineSnapshot,
  code: string,
  fix: (field: string) => ScrubFinding['fix'],
  crisisContinues: boolean,
) {
  const known = findProcedureCode(code);
  if (!known?.minutes || !Number.isFinite(l.units)) return;
  const { from, to } = known.minutes;
  const range = to === undefined ? `${from} minutes or more` : `${from}-${to} minutes`;
  const minutes = l.minutes;
  // 90840 is each further 30 minutes after 90839's first 74: its units count those half hours.
  if (code === '90840') {
    if (minutes === undefined) return;
    const expected = minutes >= 75 ? Math.floor((minutes - 75) / 30) + 1 : 0;
    if (expected === 0)
      f.error(
        area,
        'line.minutes_mismatch',
        `A ${minutes}-minute crisis session is too short for 90840 (75 minutes or more)`,
        fix('minutes'),
      );
    else if (l.units !== expected)
      f.error(
        area,
        'line.units_mismatch',
        `Units do not fit a ${minutes}-minute 90840: bill ${expected} unit${expected === 1 ? '' : 's'}, not ${l.units}`,
        fix('units'),
      );
    return;
  }
  if (l.units !== 1)
    f.error(
      area,
      'line.units_mismatch',
      `Units do not fit a ${minutes === undefined ? '' : `${minutes}-minute `}${code}: it is billed once per session, not ${l.units} units`,
      fix('units'),
    );
  // A crisis session past 74 minutes is 90839 plus 90840, which carries the extra time.
  const longer =
    to !== undefined && minutes !== undefined && minutes > to && !(code === '90839' && crisisContinues);
  if (minutes !== undefined && (minutes < from || longer))
    f.error(
      area,
      'line.minutes_mismatch',
      `A ${minutes}-minute session does not fit ${code} (${range})`,
      fix('procedure'),
    );
}

function checkAuthorization(
  f: Findings,
  s: ClaimSnapshot,
  context: ScrubContext,
  policy: (field: string) => ScrubFinding['fix'],
  appointment: (l: ClaimLineSnapshot, field: string) => ScrubFinding['fix'],
) {
  const auth = s.authorization;
  if (!auth?.number?.trim()) {
    if (context.authorizationRequired)
      f.error(
        'authorization',
        'authorization.missing',
        `${s.payer.name} requires prior authorization for these services and the client has none on file`,
        policy('authorization'),
      );
    return;
  }
  for (const l of s.lines) {
    if (!isIsoDate(l.serviceDate)) continue; // already named by the line's own check
    if (
      (auth.validFrom && l.serviceDate < auth.validFrom) ||
      (auth.validThrough && l.serviceDate > auth.validThrough)
    )
      f.error(
        'authorization',
        'authorization.dates',
        `${l.procedure} on ${l.serviceDate} is outside authorization ${auth.number} (${auth.validFrom ?? '…'} to ${auth.validThrough ?? '…'})`,
        appointment(l, 'serviceDate'),
      );
  }
  if (auth.visitsAuthorized !== undefined) {
    const visits = new Set(s.lines.map((l) => l.appointmentId)).size;
    const used = context.authorizationVisitsUsed ?? 0;
    if (used + visits > auth.visitsAuthorized)
      f.error(
        'authorization',
        'authorization.visits',
        `Authorization ${auth.number} covers ${auth.visitsAuthorized} visits; ${used} are used and this claim adds ${visits}`,
        policy('authorization'),
      );
  }
}

interface Fixes {
  client: (field: string) => ScrubFinding['fix'];
  policy: (field: string) => ScrubFinding['fix'];
  claim: (field: string) => ScrubFinding['fix'];
  billingFix: (field: string) => ScrubFinding['fix'];
  rendering: (field: string) => ScrubFinding['fix'];
  location: (field: string) => ScrubFinding['fix'];
  appointment: (l: ClaimLineSnapshot, field: string) => ScrubFinding['fix'];
}

/** Which part of the claim a writer problem is about, and where it is fixed. */
function writerArea(
  s: ClaimSnapshot,
  p: WriterProblem,
  fixes: Fixes,
): { area: string; fix: ScrubFinding['fix'] } {
  const path = p.field.replace(/^claims\[\d+\]\./, '');
  const [head, ...rest] = path.split('.');
  const field = rest.join('.') || head;
  const line = /^lines\[(\d+)\]$/.exec(head);
  if (line) {
    const l = s.lines[Number(line[1])];
    return { area: head, fix: l ? fixes.appointment(l, field) : fixes.claim(path) };
  }
  const area = head.replace(/\[\d+\]$/, '');
  switch (area) {
    case 'subscriber':
      return {
        area,
        fix:
          s.patient.relationshipToSubscriber === 'self' && !/memberId|group/.test(field)
            ? fixes.client(field)
            : fixes.policy(`subscriber.${field}`),
      };
    case 'patient':
      return { area, fix: fixes.client(field) };
    case 'payer':
    case 'claimFilingIndicator':
      return { area: 'payer', fix: fixes.policy('payer') };
    case 'billingProvider':
      return { area, fix: fixes.billingFix(field) };
    case 'renderingProvider':
      return { area, fix: fixes.rendering(field) };
    case 'serviceFacility':
      return { area, fix: fixes.location(field) };
    case 'diagnoses':
      return {
        area,
        fix: s.lines[0] ? fixes.appointment(s.lines[0], 'diagnoses') : fixes.claim('diagnoses'),
      };
    case 'placeOfService':
      return {
        area: 'lines[0]',
        fix: s.lines[0] ? fixes.appointment(s.lines[0], 'placeOfService') : fixes.claim(path),
      };
    default:
      return { area, fix: fixes.claim(path) };
  }
}

function addWriterProblems(f: Findings, s: ClaimSnapshot, fixes: Fixes) {
  let problems: WriterProblem[];
  try {
    const result = write837p(buildClaimBatch837([s], SCRUB_SUBMISSION, SCRUB_HEADER));
    problems = [...result.batchProblems, ...result.rejected.flatMap((r) => r.problems)];
  } catch (error) {
    // A snapshot missing whole parts can make the mapping itself fail; that is a finding too.
    problems = [{ field: 'claim', rule: 'the claim maps to an 837P', message: String(error) }];
  }
  for (const p of problems) {
    const { area, fix } = writerArea(s, p, fixes);
    if (f.areas.has(area) || (area === 'lines' && [...f.areas].some((a) => a.startsWith('lines')))) continue;
    f.error(area, `x12.${p.field.replace(/^claims\[\d+\]\./, '').replace(/\[\d+\]/g, '')}`, p.message, fix);
  }
}
