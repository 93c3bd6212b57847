import type { Cents } from '@claimline/domain';
import type { ClaimLineSnapshot } from './claim-snapshot';
import { lineControlNumber } from './control-numbers';

/** One service of an appointment to bill (an appointment may carry an add-on code as a second service). */
export interface AppointmentService {
  readonly procedure: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly chargeCents: Cents;
  /** 1-based indexes into the appointment's `diagnoses`. */
  readonly diagnosisPointers: readonly number[];
}

/** An unbilled insurance appointment, with what decides which claim it goes on. */
export interface BillableAppointment {
  readonly appointmentId: string;
  readonly clientId: string;
  /** The policy billed, which names the payer and its order (primary, secondary…). */
  readonly policyId: string;
  readonly renderingTeamMemberId: string;
  /** The billing profile's provider: the practice's Type 2 NPI or the clinician's Type 1 NPI. */
  readonly billingProviderKey: string;
  readonly locationId?: string;
  readonly placeOfService: string;
  readonly serviceDate: string;
  readonly minutes?: number;
  /** ICD-10-CM codes of the appointment, in order. */
  readonly diagnoses: readonly string[];
  readonly services: readonly AppointmentService[];
}

/**
 * Which appointments may share a claim besides the same client, policy, rendering clinician,
 * billing provider, location and place of service: `month` the same calendar month (the default:
 * most behavioural-health practices bill monthly), `day` the same date of service, `appointment`
 * one claim per appointment.
 */
export type ClaimPeriod = 'month' | 'day' | 'appointment';

export interface GroupingOptions {
  readonly period?: ClaimPeriod;
  /** Lines per claim; the 837P allows 50, a payer may want fewer. */
  readonly maxLines?: number;
}

export interface DraftLine extends AppointmentService {
  readonly appointmentId: string;
  readonly serviceDate: string;
  readonly placeOfService: string;
  readonly minutes?: number;
}

export interface ClaimDraft {
  readonly clientId: string;
  readonly policyId: string;
  readonly renderingTeamMemberId: string;
  readonly billingProviderKey: string;
  readonly locationId?: string;
  readonly placeOfService: string;
  readonly appointmentIds: readonly string[];
  /** The union of the appointments' diagnoses in the order first met (at most 12). */
  readonly diagnoses: readonly string[];
  /** Lines by date of service; their pointers index `diagnoses`. */
  readonly lines: readonly DraftLine[];
}

export interface UnplacedAppointment {
  readonly appointmentId: string;
  readonly code: string;
  readonly message: string;
}

export interface GroupingResult {
  readonly claims: ClaimDraft[];
  readonly unplaced: UnplacedAppointment[];
}

export const MAX_CLAIM_LINES = 50;
export const MAX_CLAIM_DIAGNOSES = 12;

const normalizeDiagnosis = (code: string) => code.trim().toUpperCase().replace('.', '');

function unplaceable(a: BillableAppointment, maxLines: number): UnplacedAppointment | undefined {
  const fail = (code: string, message: string) => ({ appointmentId: a.appointmentId, code, message });
  if (a.services.length === 0)
    return fail('grouping.no_service', 'The appointment has no service code to bill');
  if (a.services.length > maxLines)
    return fail(
      'grouping.too_many_lines',
      `The appointment has ${a.services.length} services; a claim holds ${maxLines}`,
    );
  const diagnoses = new Set(a.diagnoses.map(normalizeDiagnosis));
  if (diagnoses.size === 0) return fail('grouping.no_diagnosis', 'The appointment has no diagnosis');
  if (diagnoses.size > MAX_CLAIM_DIAGNOSES)
    return fail(
      'grouping.too_many_diagnoses',
      `The appointment has ${diagnoses.size} diagnoses; a claim holds 12`,
    );
  for (const s of a.services)
    for (const p of s.diagnosisPointers)
      if (!Number.isInteger(p) || p < 1 || p > a.diagnoses.length)
        return fail('grouping.pointer', `Diagnosis pointer ${p} of ${s.procedure} points at no diagnosis`);
  return undefined;
}

function groupKey(a: BillableAppointment, period: ClaimPeriod): string {
  const when =
    period === 'month' ? a.serviceDate.slice(0, 7) : period === 'day' ? a.serviceDate : a.appointmentId;
  return JSON.stringify([
    a.clientId,
    a.policyId,
    a.renderingTeamMemberId,
    a.billingProviderKey,
    a.locationId ?? '',
    a.placeOfService,
    when,
  ]);
}

/**
 * Groups unbilled appointments into claims: one claim per client × policy × rendering clinician ×
 * billing provider × location × place of service (the 837P carries one place of service per claim)
 * and period. A group whose lines pass `maxLines` or whose diagnoses pass 12 continues on a further
 * claim; an appointment is never split across claims. Appointments that can never be billed as they
 * are (no service, a pointer at no diagnosis…) come back in `unplaced` with the reason.
 */
export function groupAppointmentsIntoClaims(
  appointments: readonly BillableAppointment[],
  options: GroupingOptions = {},
): GroupingResult {
  const period = options.period ?? 'month';
  const maxLines = Math.min(options.maxLines ?? MAX_CLAIM_LINES, MAX_CLAIM_LINES);
  const unplaced: UnplacedAppointment[] = [];
  const groups = new Map<string, BillableAppointment[]>();
  const sorted = [...appointments].sort(
    (a, b) => a.serviceDate.localeCompare(b.serviceDate) || a.appointmentId.localeCompare(b.appointmentId),
  );
  for (const a of sorted) {
    const problem = unplaceable(a, maxLines);
    if (problem) {
      unplaced.push(problem);
      continue;
    }
    const key = groupKey(a, period);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }

  const claims: ClaimDraft[] = [];
  for (const group of groups.values()) {
    let diagnoses: string[] = [];
    let lines: DraftLine[] = [];
    let appointmentIds: string[] = [];
    const close = () => {
      if (lines.length === 0) return;
      const first = group[0];
      claims.push({
        clientId: first.clientId,
        policyId: first.policyId,
        renderingTeamMemberId: first.renderingTeamMemberId,
        billingProviderKey: first.billingProviderKey,
        ...(first.locationId === undefined ? {} : { locationId: first.locationId }),
        placeOfService: first.placeOfService,
        appointmentIds,
        diagnoses,
        lines,
      });
      diagnoses = [];
      lines = [];
      appointmentIds = [];
    };
    for (const a of group) {
      const own = a.diagnoses.map(normalizeDiagnosis);
      const added = [...new Set(own)].filter((d) => !diagnoses.includes(d));
      if (
        lines.length + a.services.length > maxLines ||
        diagnoses.length + added.length > MAX_CLAIM_DIAGNOSES
      )
        close();
      for (const d of own) if (!diagnoses.includes(d)) diagnoses.push(d);
      appointmentIds.push(a.appointmentId);
      for (const s of a.services)
        lines.push({
          ...s,
          modifiers: [...s.modifiers],
          diagnosisPointers: s.diagnosisPointers.map((p) => diagnoses.indexOf(own[p - 1]) + 1),
          appointmentId: a.appointmentId,
          serviceDate: a.serviceDate,
          placeOfService: a.placeOfService,
          ...(a.minutes === undefined ? {} : { minutes: a.minutes }),
        });
    }
    close();
  }
  return { claims, unplaced };
}

/** A draft's lines as a snapshot holds them, numbered 1… under the claim's patient control number. */
export function snapshotLines(draft: ClaimDraft, patientControlNumber: string): ClaimLineSnapshot[] {
  return draft.lines.map((l, i) => ({
    appointmentId: l.appointmentId,
    serviceDate: l.serviceDate,
    procedure: l.procedure,
    modifiers: [...l.modifiers],
    units: l.units,
    chargeCents: l.chargeCents,
    placeOfService: l.placeOfService,
    diagnosisPointers: [...l.diagnosisPointers],
    lineControlNumber: lineControlNumber(patientControlNumber, i + 1),
    ...(l.minutes === undefined ? {} : { minutes: l.minutes }),
  }));
}

/** CMS-1500 pages: 6 service lines each, the first page holding the first six lines. */
export const CMS1500_LINES_PER_PAGE = 6;

export function paginateForCms1500<T>(lines: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < lines.length; i += CMS1500_LINES_PER_PAGE)
    pages.push(lines.slice(i, i + CMS1500_LINES_PER_PAGE));
  return pages.length ? pages : [[]];
}
