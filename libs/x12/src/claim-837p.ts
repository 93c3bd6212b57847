/** Input of the 837P writer. Dates are ISO YYYY-MM-DD; money is integer cents. */

export interface PostalAddress {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly state: string;
  /** 5 or 9 digits (the billing provider needs 9). */
  readonly postalCode: string;
}

export interface PersonName {
  readonly lastName: string;
  readonly firstName?: string;
  readonly middleName?: string;
  readonly suffix?: string;
}

export type Gender = 'M' | 'F' | 'U';

export interface Submitter {
  readonly name: string;
  /** NM109 qualifier 46: the id the clearinghouse gave us. */
  readonly id: string;
  readonly contactName: string;
  readonly phone: string;
  readonly email?: string;
}

export interface Receiver {
  readonly name: string;
  readonly id: string;
}

export type TaxId =
  { readonly kind: 'EIN'; readonly value: string } | { readonly kind: 'SSN'; readonly value: string };

export interface BillingProvider {
  /** person = Type 1 NPI billing as an individual; organization = Type 2 NPI. */
  readonly entity: 'person' | 'organization';
  /** Organization name, or the person's last name. */
  readonly name: string;
  readonly firstName?: string;
  readonly middleName?: string;
  readonly npi: string;
  readonly taxId: TaxId;
  readonly taxonomy?: string;
  /** A street address; a PO box belongs in the pay-to address. */
  readonly address: PostalAddress;
}

export interface Subscriber extends PersonName {
  readonly memberId: string;
  readonly address?: PostalAddress;
  readonly birthDate?: string;
  readonly gender?: Gender;
  readonly groupNumber?: string;
  readonly groupName?: string;
}

export interface Patient extends PersonName {
  /** PAT01: 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other. */
  readonly relationship: '01' | '19' | '20' | '21' | '39' | '40' | '53' | 'G8';
  readonly address: PostalAddress;
  readonly birthDate: string;
  readonly gender: Gender;
}

export interface Payer {
  readonly name: string;
  /** Payer id (NM109, qualifier PI). */
  readonly id: string;
  readonly address?: PostalAddress;
}

export interface RenderingProvider extends PersonName {
  readonly npi: string;
  readonly taxonomy?: string;
}

export interface ServiceFacility {
  readonly name: string;
  readonly npi?: string;
  readonly address: PostalAddress;
}

export interface CasAdjustment {
  /** CO, PR, OA, PI, CR. */
  readonly group: string;
  readonly reason: string;
  readonly amount: number;
  readonly quantity?: number;
}

export interface ServiceLine {
  readonly procedure: string;
  readonly modifiers?: readonly string[];
  readonly charge: number;
  readonly units: number;
  readonly serviceDate: string;
  /** 1-based indexes into the claim's diagnoses, at most 4. */
  readonly diagnosisPointers: readonly number[];
  /** REF*6R: our line id, echoed back in the 835. */
  readonly lineId?: string;
}

/** What the primary payer decided on one line (loop 2430). */
export interface LineAdjudication {
  /** Index (0-based) of the line in `lines`. */
  readonly line: number;
  readonly paid: number;
  readonly paidUnits?: number;
  readonly adjustments: readonly CasAdjustment[];
  readonly adjudicationDate: string;
}

/** Data for a secondary claim, taken from the primary's adjudication (loops 2320/2330). */
export interface PriorPayer {
  readonly payer: Payer;
  /** Responsibility of the other payer: P primary, S secondary, T tertiary. */
  readonly responsibility: 'P' | 'S' | 'T';
  /** SBR02: 18 self, 01 spouse, 19 child, 20 employee, 21 unknown, G8 other. */
  readonly relationship: string;
  readonly subscriber: PersonName & { readonly memberId: string };
  readonly groupNumber?: string;
  readonly claimFilingIndicator: string;
  /** AMT*D: what that payer paid on the claim. */
  readonly paid: number;
  readonly claimAdjustments?: readonly CasAdjustment[];
  readonly adjudicationDate: string;
  readonly lines?: readonly LineAdjudication[];
}

export interface Claim837 {
  /** CLM01 patient control number: comes back in 277CA TRN02 and 835 CLP01. */
  readonly id: string;
  /** SBR01 of the payer this claim goes to. */
  readonly payerResponsibility?: 'P' | 'S' | 'T';
  /** SBR09, e.g. CI commercial, MB Medicare B, MC Medicaid, BL Blue Cross, HM HMO. */
  readonly claimFilingIndicator: string;
  readonly subscriber: Subscriber;
  /** Only when the patient is not the subscriber (loop 2000C). */
  readonly patient?: Patient;
  readonly payer: Payer;
  /** CLM05-1, e.g. 11 office, 02/10 telehealth. */
  readonly placeOfService: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  readonly frequencyCode: '1' | '7' | '8';
  /** REF*F8, required for frequency 7 and 8. */
  readonly originalClaimNumber?: string;
  /** ICD-10-CM codes, with or without the dot; the first is the principal. */
  readonly diagnoses: readonly string[];
  /** REF*G1. */
  readonly priorAuthorization?: string;
  readonly renderingProvider?: RenderingProvider;
  readonly serviceFacility?: ServiceFacility;
  readonly lines: readonly ServiceLine[];
  readonly priorPayers?: readonly PriorPayer[];
}

export interface ClaimBatch837 {
  readonly createdAt: Date;
  /** ISA15. */
  readonly usage: 'P' | 'T';
  readonly interchangeSender: { readonly qualifier: string; readonly id: string };
  readonly interchangeReceiver: { readonly qualifier: string; readonly id: string };
  /** GS02 / GS03. */
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  /** BHT03: our batch id. */
  readonly batchId: string;
  readonly controlNumbers?: {
    readonly interchange?: number;
    readonly group?: number;
    readonly transaction?: number;
  };
  readonly acknowledgmentRequested?: boolean;
  readonly submitter: Submitter;
  readonly receiver: Receiver;
  readonly billingProvider: BillingProvider;
  readonly payToAddress?: PostalAddress;
  readonly claims: readonly Claim837[];
}
