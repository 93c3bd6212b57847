import type { AddressDto } from '@claimline/contracts/common';
import type { AuthorizationView, PayerView } from '@claimline/contracts/client-insurance';
import type { LocationView } from '@claimline/contracts/practice-settings';
import type {
  AuthorizationSnapshot,
  BillableAppointment,
  ClaimDraft,
  ClaimSnapshot,
  SnapshotAddress,
} from '@claimline/claims';
import { snapshotLines } from '@claimline/claims';
import type { AppointmentEntity } from '../appointments/entities/appointment.entity';
import type { AppointmentLineEntity } from '../appointments/entities/appointment-line.entity';
import type { ClientSources, PracticeSources } from './claim-sources.client';

/** SBR09 from the payer's kind: Medicare Part B, Medicaid, TRICARE, Blue Cross, else commercial. */
export function claimFilingIndicator(payer: PayerView | undefined, isBcbs: boolean): string {
  if (isBcbs) return 'BL';
  switch (payer?.kind) {
    case 'medicare':
      return 'MB';
    case 'medicaid':
      return 'MC';
    case 'tricare':
      return 'CH';
    default:
      return 'CI';
  }
}

/**
 * Days after the date of service a payer takes a first claim, where the limit is the same for every
 * plan of that kind: Medicare and TRICARE take claims up to one year after the service. Commercial
 * and Medicaid limits differ by plan and state and are not known here, so they are not checked.
 */
export function timelyFilingDays(payer: PayerView | undefined): number | undefined {
  return payer?.kind === 'medicare' || payer?.kind === 'tricare' ? 365 : undefined;
}

const address = (a: AddressDto | null | undefined): SnapshotAddress => ({
  line1: a?.line1 ?? '',
  ...(a?.line2 ? { line2: a.line2 } : {}),
  city: a?.city ?? '',
  state: a?.state ?? '',
  postalCode: a?.zip ?? '',
});

/** The appointment as `groupAppointmentsIntoClaims` sees it, billed on the client's primary policy. */
export function billableAppointment(
  a: AppointmentEntity,
  lines: readonly AppointmentLineEntity[],
  policyId: string,
  billingProviderKey: string,
): BillableAppointment {
  return {
    appointmentId: a.id,
    clientId: a.clientId,
    policyId,
    renderingTeamMemberId: a.renderingTeamMemberId,
    billingProviderKey,
    ...(a.locationId ? { locationId: a.locationId } : {}),
    placeOfService: a.placeOfService,
    serviceDate: a.serviceDate,
    minutes: a.minutes,
    diagnoses: a.diagnoses,
    services: [...lines]
      .sort((x, y) => x.position - y.position)
      .map((l) => ({
        procedure: l.procedure,
        modifiers: l.modifiers,
        units: l.units,
        chargeCents: l.feeCents,
        diagnosisPointers: l.diagnosisPointers,
      })),
  };
}

/**
 * The authorization a claim carries (box 23, REF*G1): an active one of the policy whose dates hold
 * the claim's first date of service, else any active one (scrubbing then names the dates).
 */
export function pickAuthorization(
  authorizations: readonly AuthorizationView[],
  serviceFrom: string,
): AuthorizationView | undefined {
  const active = authorizations.filter((a) => a.active);
  return (
    active.find((a) => a.validFrom <= serviceFrom && serviceFrom <= a.validTo) ??
    [...active].sort((a, b) => b.validTo.localeCompare(a.validTo))[0]
  );
}

export function authorizationSnapshot(a: AuthorizationView): AuthorizationSnapshot {
  return {
    number: a.number,
    validFrom: a.validFrom,
    validThrough: a.validTo,
    visitsAuthorized: a.usesAuthorized,
  };
}

export interface SnapshotInput {
  claimId: string;
  patientControlNumber: string;
  draft: Pick<ClaimDraft, 'clientId' | 'policyId' | 'renderingTeamMemberId' | 'locationId' | 'diagnoses'>;
  lines: ClaimSnapshot['lines'] | ClaimDraft;
  client: ClientSources;
  practice: PracticeSources;
  payer: PayerView | undefined;
  authorization: AuthorizationView | undefined;
}

/**
 * What the claim copies at creation (DOMAIN.md): billing provider per billing profile (the
 * organization's Type 2 NPI, or the rendering clinician's Type 1 NPI when the practice bills as an
 * individual), rendering provider, service facility when the profile turns it on, subscriber and
 * patient from the primary policy and client, payer, diagnoses, lines, authorization. A value the
 * sources lack is left empty: scrubbing names it with the form that fixes it.
 */
export function buildSnapshot(input: SnapshotInput): ClaimSnapshot {
  const { client, practice, draft } = input;
  const policy = client.policy;
  if (!policy) throw new Error('a claim needs a policy');
  const c = client.client;
  const member = practice.members.get(draft.renderingTeamMemberId) ?? null;
  const profile = practice.profile;
  const individual = profile.billAs === 'individual';
  const taxDigits = (profile.taxId?.display ?? '').replace(/\D/g, '');
  const location: LocationView | null = draft.locationId
    ? (practice.locations.get(draft.locationId) ?? null)
    : null;
  const self = policy.relationship === 'self';
  const sub = self
    ? { birthDate: c.birthDate, sex: c.sex, address: c.address }
    : {
        birthDate: policy.subscriber?.birthDate ?? null,
        sex: policy.subscriber?.sex ?? null,
        address: policy.subscriber?.address ?? null,
      };
  const billingTaxonomy = individual ? (member?.taxonomyCode ?? profile.taxonomyCode) : profile.taxonomyCode;
  const lines = Array.isArray(input.lines)
    ? input.lines
    : snapshotLines(input.lines as ClaimDraft, input.patientControlNumber);
  return {
    claimId: input.claimId,
    patientControlNumber: input.patientControlNumber,
    sources: {
      practiceId: practice.practice.id,
      clientId: c.id,
      policyId: policy.id,
      ...(individual ? { billingTeamMemberId: draft.renderingTeamMemberId } : {}),
      renderingTeamMemberId: draft.renderingTeamMemberId,
      ...(draft.locationId ? { locationId: draft.locationId } : {}),
    },
    frequencyCode: '1',
    billingProvider: {
      billAs: profile.billAs,
      name: individual ? (member?.lastName ?? '') : (practice.practice.legalName ?? practice.practice.name),
      ...(individual && member ? { firstName: member.firstName } : {}),
      npi: (individual ? member?.npi : profile.organizationNpi) ?? '',
      taxId: { kind: profile.taxId?.kind ?? 'ein', value: taxDigits },
      ...(billingTaxonomy ? { taxonomy: billingTaxonomy } : {}),
      address: address(profile.billingAddress),
      ...(practice.practice.phone ? { phone: practice.practice.phone } : {}),
    },
    renderingProvider: {
      lastName: member?.lastName ?? '',
      firstName: member?.firstName ?? '',
      ...(member?.credentials[0] ? { credential: member.credentials[0] } : {}),
      npi: member?.npi ?? '',
      ...(member?.taxonomyCode ? { taxonomy: member.taxonomyCode } : {}),
    },
    ...(profile.serviceFacilityLocation.enabled && location
      ? { serviceFacility: { name: location.name, address: address(location.address) } }
      : {}),
    subscriber: {
      lastName: self ? c.lastName : (policy.subscriber?.lastName ?? ''),
      firstName: self ? c.firstName : (policy.subscriber?.firstName ?? ''),
      memberId: policy.memberId,
      ...(policy.groupNumber ? { groupNumber: policy.groupNumber } : {}),
      ...(policy.planName ? { groupName: policy.planName } : {}),
      ...(sub.birthDate ? { birthDate: sub.birthDate } : {}),
      ...(sub.sex ? { sex: sub.sex } : {}),
      ...(sub.address ? { address: address(sub.address) } : {}),
      ...(self && c.phone ? { phone: c.phone } : {}),
    },
    patient: {
      lastName: c.lastName,
      firstName: c.firstName,
      birthDate: c.birthDate ?? '',
      sex: c.sex ?? 'U',
      address: address(c.address),
      ...(c.phone ? { phone: c.phone } : {}),
      relationshipToSubscriber: policy.relationship,
    },
    payer: {
      name: policy.payer.name,
      payerId: policy.payer.payerId,
      claimFilingIndicator: claimFilingIndicator(input.payer, policy.payer.isBcbs),
      order: policy.order,
      ...(policy.planName ? { planName: policy.planName } : {}),
    },
    diagnoses: [...draft.diagnoses],
    lines,
    ...(input.authorization ? { authorization: authorizationSnapshot(input.authorization) } : {}),
    signatureOnFile: true,
    acceptAssignment: true,
  };
}
