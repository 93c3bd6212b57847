import { INSURANCE_ORDER_X12, RELATIONSHIP_X12_CODES } from '@claimline/domain';
import {
  type BillingProvider,
  type Claim837,
  type ClaimBatch837,
  type PostalAddress,
  type Receiver,
  type Submitter,
  write837p,
  type Write837Result,
  type WriteOptions,
} from '@claimline/x12';
import type { BillingProviderSnapshot, ClaimSnapshot, SnapshotAddress } from './claim-snapshot';

/** Who we are to the clearinghouse and who it is: deployment configuration, the same for every batch. */
export interface Submission837Config {
  /** ISA15: P production, T test. */
  readonly usage: 'P' | 'T';
  readonly interchangeSender: { readonly qualifier: string; readonly id: string };
  readonly interchangeReceiver: { readonly qualifier: string; readonly id: string };
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  readonly submitter: Submitter;
  readonly receiver: Receiver;
  readonly acknowledgmentRequested?: boolean;
}

/** What changes with every batch: its id (BHT03), when it was made, and the envelope control numbers. */
export interface BatchHeader837 {
  readonly batchId: string;
  readonly createdAt: Date;
  readonly controlNumbers?: ClaimBatch837['controlNumbers'];
}

const address = (a: SnapshotAddress): PostalAddress => ({
  line1: a.line1,
  ...(a.line2 ? { line2: a.line2 } : {}),
  city: a.city,
  state: a.state,
  postalCode: a.postalCode,
});

export function billingProviderTo837(bp: BillingProviderSnapshot): BillingProvider {
  return {
    entity: bp.billAs === 'individual' ? 'person' : 'organization',
    name: bp.name,
    ...(bp.billAs === 'individual' && bp.firstName ? { firstName: bp.firstName } : {}),
    ...(bp.billAs === 'individual' && bp.middleName ? { middleName: bp.middleName } : {}),
    npi: bp.npi,
    taxId: { kind: bp.taxId.kind === 'ein' ? 'EIN' : 'SSN', value: bp.taxId.value },
    ...(bp.taxonomy ? { taxonomy: bp.taxonomy } : {}),
    address: address(bp.address),
  };
}

/** The 837P claim (loops 2000B–2400) of a snapshot; the billing provider goes in the batch. */
export function snapshotToClaim837(s: ClaimSnapshot): Claim837 {
  const self = s.patient.relationshipToSubscriber === 'self';
  const sub = s.subscriber;
  // The client as subscriber is described once, in 2010BA, with the client's own demographics.
  const subscriberAddress = self ? s.patient.address : sub.address;
  const subscriberBirthDate = self ? s.patient.birthDate : sub.birthDate;
  const subscriberSex = self ? s.patient.sex : sub.sex;
  return {
    id: s.patientControlNumber,
    payerResponsibility: INSURANCE_ORDER_X12[s.payer.order],
    claimFilingIndicator: s.payer.claimFilingIndicator,
    subscriber: {
      lastName: sub.lastName,
      firstName: sub.firstName,
      ...(sub.middleName ? { middleName: sub.middleName } : {}),
      ...(sub.suffix ? { suffix: sub.suffix } : {}),
      memberId: sub.memberId,
      ...(subscriberAddress ? { address: address(subscriberAddress) } : {}),
      ...(subscriberBirthDate ? { birthDate: subscriberBirthDate } : {}),
      ...(subscriberSex ? { gender: subscriberSex } : {}),
      ...(sub.groupNumber ? { groupNumber: sub.groupNumber } : {}),
      ...(sub.groupName ? { groupName: sub.groupName } : {}),
    },
    ...(self
      ? {}
      : {
          patient: {
            relationship: RELATIONSHIP_X12_CODES[s.patient.relationshipToSubscriber] as '01' | '19' | 'G8',
            lastName: s.patient.lastName,
            firstName: s.patient.firstName,
            ...(s.patient.middleName ? { middleName: s.patient.middleName } : {}),
            ...(s.patient.suffix ? { suffix: s.patient.suffix } : {}),
            address: address(s.patient.address),
            birthDate: s.patient.birthDate,
            gender: s.patient.sex,
          },
        }),
    payer: {
      name: s.payer.name,
      id: s.payer.payerId,
      ...(s.payer.address ? { address: address(s.payer.address) } : {}),
    },
    placeOfService: s.lines[0]?.placeOfService ?? '',
    frequencyCode: s.frequencyCode,
    ...(s.originalClaimNumber ? { originalClaimNumber: s.originalClaimNumber } : {}),
    diagnoses: [...s.diagnoses],
    ...(s.authorization?.number ? { priorAuthorization: s.authorization.number } : {}),
    renderingProvider: {
      lastName: s.renderingProvider.lastName,
      firstName: s.renderingProvider.firstName,
      ...(s.renderingProvider.middleName ? { middleName: s.renderingProvider.middleName } : {}),
      npi: s.renderingProvider.npi,
      ...(s.renderingProvider.taxonomy ? { taxonomy: s.renderingProvider.taxonomy } : {}),
    },
    ...(s.serviceFacility
      ? {
          serviceFacility: {
            name: s.serviceFacility.name,
            ...(s.serviceFacility.npi ? { npi: s.serviceFacility.npi } : {}),
            address: address(s.serviceFacility.address),
          },
        }
      : {}),
    lines: s.lines.map((l) => ({
      procedure: l.procedure,
      modifiers: [...l.modifiers],
      charge: l.chargeCents,
      units: l.units,
      serviceDate: l.serviceDate,
      diagnosisPointers: [...l.diagnosisPointers],
      lineId: l.lineControlNumber,
    })),
  };
}

/** One batch has one billing provider (loop 2000A): the key snapshots are grouped by. */
export function billingProviderKey(s: ClaimSnapshot): string {
  const bp = s.billingProvider;
  return `${bp.npi}|${bp.taxId.kind}:${bp.taxId.value.replace(/-/g, '')}`;
}

/** Snapshots by billing provider, in the order first met: each group becomes one 837P batch. */
export function groupByBillingProvider(snapshots: readonly ClaimSnapshot[]): ClaimSnapshot[][] {
  const groups = new Map<string, ClaimSnapshot[]>();
  for (const s of snapshots) {
    const key = billingProviderKey(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/** The writer's input for claims of one billing provider; throws when they have more than one. */
export function buildClaimBatch837(
  snapshots: readonly ClaimSnapshot[],
  config: Submission837Config,
  header: BatchHeader837,
): ClaimBatch837 {
  if (snapshots.length === 0) throw new RangeError('a batch needs at least one claim');
  const key = billingProviderKey(snapshots[0]);
  const other = snapshots.find((s) => billingProviderKey(s) !== key);
  if (other)
    throw new RangeError(
      `claim ${other.patientControlNumber} has another billing provider than ${snapshots[0].patientControlNumber}: group with groupByBillingProvider`,
    );
  return {
    createdAt: header.createdAt,
    usage: config.usage,
    interchangeSender: config.interchangeSender,
    interchangeReceiver: config.interchangeReceiver,
    applicationSender: config.applicationSender,
    applicationReceiver: config.applicationReceiver,
    batchId: header.batchId,
    ...(header.controlNumbers ? { controlNumbers: header.controlNumbers } : {}),
    ...(config.acknowledgmentRequested === undefined
      ? {}
      : { acknowledgmentRequested: config.acknowledgmentRequested }),
    submitter: config.submitter,
    receiver: config.receiver,
    billingProvider: billingProviderTo837(snapshots[0].billingProvider),
    claims: snapshots.map(snapshotToClaim837),
  };
}

/** Maps and writes one batch; the writer refuses claims that break the guide and writes the rest. */
export function writeClaims837(
  snapshots: readonly ClaimSnapshot[],
  config: Submission837Config,
  header: BatchHeader837,
  options?: WriteOptions,
): Write837Result {
  return write837p(buildClaimBatch837(snapshots, config, header), options);
}
