import type { UsStateCode } from '@claimline/domain';

/** Payer IDs differ between clearinghouses; `default` is the one our clearinghouse uses. */
export interface PayerIds {
  default: string;
  [clearinghouse: string]: string;
}

export type PayerKind = 'commercial' | 'behavioral' | 'medicare' | 'medicaid' | 'tricare';

export interface Payer {
  /** Stable key for this directory entry; payer IDs are not unique (several payers share 87726). */
  key: string;
  name: string;
  aliases?: readonly string[];
  payerIds: PayerIds;
  kind: PayerKind;
  /** Where the payer is local; absent for national payers. For a BCBS plan, its service area. */
  states?: readonly UsStateCode[];
  /** Finer than `states` where a plan serves only part of one, e.g. "Western Pennsylvania". */
  region?: string;
  isBcbs: boolean;
  claimFilingEnrollmentRequired: boolean;
  eraSupported: boolean;
  eraEnrollmentRequired: boolean;
  /** True only when the default payer ID has been checked against a published payer list. */
  idVerified: boolean;
  /** True only when the three enrollment flags have been checked with the clearinghouse. */
  requirementsVerified: boolean;
  source: string;
}

const VERIFIED = 'Payer ID verified (DOMAIN.md, published by the payer); enrollment flags are examples';
const EXAMPLE = "Example ID, verify with your clearinghouse's payer list; enrollment flags are examples";

type Flags = Pick<Payer, 'claimFilingEnrollmentRequired' | 'eraSupported' | 'eraEnrollmentRequired'>;
const ERA_ENROLL: Flags = {
  claimFilingEnrollmentRequired: false,
  eraSupported: true,
  eraEnrollmentRequired: true,
};
const ENROLL_BOTH: Flags = {
  claimFilingEnrollmentRequired: true,
  eraSupported: true,
  eraEnrollmentRequired: true,
};
const NO_ERA: Flags = {
  claimFilingEnrollmentRequired: false,
  eraSupported: false,
  eraEnrollmentRequired: false,
};

function verified(
  entry: Omit<Payer, 'idVerified' | 'requirementsVerified' | 'source' | 'isBcbs'> & Flags,
): Payer {
  return { isBcbs: false, ...entry, idVerified: true, requirementsVerified: false, source: VERIFIED };
}

function example(
  entry: Omit<Payer, 'idVerified' | 'requirementsVerified' | 'source' | 'isBcbs' | 'kind'> &
    Flags & { kind?: PayerKind; isBcbs?: boolean },
): Payer {
  return {
    kind: 'commercial',
    isBcbs: false,
    ...entry,
    idVerified: false,
    requirementsVerified: false,
    source: EXAMPLE,
  };
}

function bcbs(
  entry: Omit<Payer, 'idVerified' | 'requirementsVerified' | 'source' | 'isBcbs' | 'kind'> & Flags,
): Payer {
  return example({
    ...entry,
    isBcbs: true,
    aliases: [...(entry.aliases ?? []), 'BCBS', 'Blue Cross Blue Shield'],
  });
}

/**
 * Seed of the payer directory. The clearinghouse's own payer list is the authority; entries here
 * get a practice started and show the shape. Order matters where two BCBS plans serve one state:
 * the first is the state's main local plan.
 */
export const PAYERS: readonly Payer[] = [
  verified({
    key: 'aetna',
    name: 'Aetna',
    payerIds: { default: '60054' },
    kind: 'commercial',
    ...ERA_ENROLL,
  }),
  verified({
    key: 'cigna',
    name: 'Cigna',
    aliases: ['Cigna Healthcare', 'Evernorth', 'Cigna Behavioral Health'],
    payerIds: { default: '62308' },
    kind: 'commercial',
    ...ERA_ENROLL,
  }),
  verified({
    key: 'unitedhealthcare',
    name: 'UnitedHealthcare',
    aliases: ['UHC', 'United Healthcare', 'UnitedHealthcare Community Plan'],
    payerIds: { default: '87726' },
    kind: 'commercial',
    ...ERA_ENROLL,
  }),
  verified({
    key: 'humana',
    name: 'Humana',
    payerIds: { default: '61101' },
    kind: 'commercial',
    ...ERA_ENROLL,
  }),
  example({
    key: 'optum-behavioral-health',
    name: 'Optum Behavioral Health',
    aliases: ['United Behavioral Health', 'UBH', 'Optum'],
    payerIds: { default: '87726' },
    kind: 'behavioral',
    ...ERA_ENROLL,
  }),
  example({
    key: 'magellan',
    name: 'Magellan Healthcare',
    aliases: ['Magellan Behavioral Health'],
    payerIds: { default: '01260' },
    kind: 'behavioral',
    ...ERA_ENROLL,
  }),
  example({
    key: 'carelon-behavioral-health',
    name: 'Carelon Behavioral Health',
    aliases: ['Beacon Health Options', 'Beacon', 'ValueOptions'],
    payerIds: { default: '43324' },
    kind: 'behavioral',
    ...ERA_ENROLL,
  }),
  example({ key: 'umr', name: 'UMR', payerIds: { default: '39026' }, ...ERA_ENROLL }),
  example({ key: 'meritain', name: 'Meritain Health', payerIds: { default: '41124' }, ...ERA_ENROLL }),
  example({
    key: 'geha',
    name: 'GEHA',
    aliases: ['Government Employees Health Association'],
    payerIds: { default: '44054' },
    ...ERA_ENROLL,
  }),
  example({
    key: 'oxford',
    name: 'Oxford Health Plans',
    payerIds: { default: '06111' },
    states: ['NY', 'NJ', 'CT'],
    ...ERA_ENROLL,
  }),
  example({
    key: 'harvard-pilgrim',
    name: 'Harvard Pilgrim Health Care',
    payerIds: { default: '04271' },
    states: ['MA', 'NH', 'ME', 'CT'],
    ...ERA_ENROLL,
  }),
  example({
    key: 'tufts',
    name: 'Tufts Health Plan',
    payerIds: { default: '04245' },
    states: ['MA', 'RI', 'NH'],
    ...ERA_ENROLL,
  }),
  example({
    key: 'kaiser-northern-california',
    name: 'Kaiser Permanente (Northern California)',
    aliases: ['Kaiser', 'KP'],
    payerIds: { default: '94135' },
    states: ['CA'],
    region: 'Northern California',
    ...NO_ERA,
  }),
  example({
    key: 'kaiser-southern-california',
    name: 'Kaiser Permanente (Southern California)',
    aliases: ['Kaiser', 'KP'],
    payerIds: { default: '94134' },
    states: ['CA'],
    region: 'Southern California',
    ...NO_ERA,
  }),
  example({
    key: 'medicare-noridian-je-ca-north',
    name: 'Medicare (Noridian JE Part B, Northern California)',
    payerIds: { default: '01112' },
    kind: 'medicare',
    states: ['CA'],
    region: 'Northern California',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicare-noridian-je-ca-south',
    name: 'Medicare (Noridian JE Part B, Southern California)',
    payerIds: { default: '01182' },
    kind: 'medicare',
    states: ['CA'],
    region: 'Southern California',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicare-novitas-jh-tx',
    name: 'Medicare (Novitas JH Part B, Texas)',
    payerIds: { default: '04412' },
    kind: 'medicare',
    states: ['TX'],
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicare-first-coast-jn-fl',
    name: 'Medicare (First Coast JN Part B, Florida)',
    payerIds: { default: '09102' },
    kind: 'medicare',
    states: ['FL'],
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicare-ngs-jk-ny-downstate',
    name: 'Medicare (NGS JK Part B, New York Downstate)',
    payerIds: { default: '13202' },
    kind: 'medicare',
    states: ['NY'],
    region: 'Downstate New York',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'railroad-medicare',
    name: 'Railroad Medicare (Palmetto GBA)',
    aliases: ['RRB'],
    payerIds: { default: '00882' },
    kind: 'medicare',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicaid-ca',
    name: 'Medi-Cal (California Medicaid)',
    aliases: ['Medicaid'],
    payerIds: { default: '610442' },
    kind: 'medicaid',
    states: ['CA'],
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicaid-tx',
    name: 'Texas Medicaid (TMHP)',
    payerIds: { default: '617591011CMSP' },
    kind: 'medicaid',
    states: ['TX'],
    ...ENROLL_BOTH,
  }),
  example({
    key: 'medicaid-fl',
    name: 'Florida Medicaid',
    payerIds: { default: '77027' },
    kind: 'medicaid',
    states: ['FL'],
    ...ENROLL_BOTH,
  }),
  example({
    key: 'tricare-east',
    name: 'TRICARE East (Humana Military)',
    aliases: ['Tricare'],
    payerIds: { default: '57106' },
    kind: 'tricare',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'tricare-west',
    name: 'TRICARE West',
    aliases: ['Tricare', 'TriWest', 'Health Net Federal Services'],
    payerIds: { default: '99726' },
    kind: 'tricare',
    ...ENROLL_BOTH,
  }),
  example({
    key: 'tricare-for-life',
    name: 'TRICARE For Life (WPS)',
    aliases: ['Tricare', 'TFL'],
    payerIds: { default: 'TDFIC' },
    kind: 'tricare',
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'bcbs-tx',
    name: 'Blue Cross and Blue Shield of Texas',
    aliases: ['BCBSTX'],
    payerIds: { default: '84980' },
    states: ['TX'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'florida-blue',
    name: 'Florida Blue',
    aliases: ['Blue Cross and Blue Shield of Florida'],
    payerIds: { default: '00590' },
    states: ['FL'],
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'bcbs-il',
    name: 'Blue Cross and Blue Shield of Illinois',
    aliases: ['BCBSIL'],
    payerIds: { default: '00621' },
    states: ['IL'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'anthem-blue-cross-ca',
    name: 'Anthem Blue Cross (California)',
    aliases: ['Anthem'],
    payerIds: { default: '47198' },
    states: ['CA'],
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'blue-shield-ca',
    name: 'Blue Shield of California',
    payerIds: { default: '94036' },
    states: ['CA'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'highmark-pa',
    name: 'Highmark Blue Cross Blue Shield',
    aliases: ['Highmark'],
    payerIds: { default: '54771' },
    states: ['PA'],
    region: 'Western and Central Pennsylvania',
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'independence-blue-cross',
    name: 'Independence Blue Cross',
    aliases: ['IBX'],
    payerIds: { default: '54704' },
    states: ['PA'],
    region: 'Southeastern Pennsylvania',
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'empire-bcbs',
    name: 'Empire BlueCross BlueShield',
    aliases: ['Empire', 'Anthem'],
    payerIds: { default: '803' },
    states: ['NY'],
    region: 'Downstate and Eastern New York',
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'excellus-bcbs',
    name: 'Excellus BlueCross BlueShield',
    aliases: ['Excellus'],
    payerIds: { default: '00800' },
    states: ['NY'],
    region: 'Upstate New York',
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'premera',
    name: 'Premera Blue Cross',
    aliases: ['Premera'],
    payerIds: { default: '47570' },
    states: ['WA', 'AK'],
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'regence-wa',
    name: 'Regence BlueShield (Washington)',
    aliases: ['Regence'],
    payerIds: { default: '00932' },
    states: ['WA'],
    region: 'Some Washington counties',
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'regence-or',
    name: 'Regence BlueCross BlueShield of Oregon',
    aliases: ['Regence'],
    payerIds: { default: '00851' },
    states: ['OR'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'anthem-bcbs-va',
    name: 'Anthem Blue Cross and Blue Shield (Virginia)',
    aliases: ['Anthem'],
    payerIds: { default: '00423' },
    states: ['VA'],
    region: 'Virginia except the Washington, DC suburbs',
    ...ERA_ENROLL,
  }),
  bcbs({
    key: 'carefirst',
    name: 'CareFirst BlueCross BlueShield',
    aliases: ['CareFirst'],
    payerIds: { default: '00580' },
    states: ['MD', 'DC', 'VA'],
    region: 'Maryland, DC and Northern Virginia',
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'horizon-bcbs-nj',
    name: 'Horizon Blue Cross Blue Shield of New Jersey',
    aliases: ['Horizon'],
    payerIds: { default: '22099' },
    states: ['NJ'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'bcbs-mi',
    name: 'Blue Cross Blue Shield of Michigan',
    aliases: ['BCBSM'],
    payerIds: { default: '00710' },
    states: ['MI'],
    ...ENROLL_BOTH,
  }),
  bcbs({
    key: 'bcbs-az',
    name: 'Blue Cross Blue Shield of Arizona',
    aliases: ['BCBSAZ'],
    payerIds: { default: '53589' },
    states: ['AZ'],
    ...ERA_ENROLL,
  }),
];
