/**
 * CPT® codes a behavioural-health practice bills most. CPT is © American Medical Association;
 * the descriptions here are our own plain-language summaries, not the AMA descriptors, which a
 * licensed product must show instead where the official wording is needed.
 */
export interface ProcedureCode {
  code: string;
  description: string;
  /** An add-on code is never billed alone; it follows one of `addOnTo` on the same claim. */
  addOn: boolean;
  addOnTo?: readonly string[];
  /** Face-to-face time that supports the code, when the code is time-based. */
  minutes?: { from: number; to?: number };
}

const EVALUATION_AND_MANAGEMENT =
  'an evaluation and management visit (99202–99215, 99221–99233, 99304–99310, 99341–99350)';

export const BEHAVIORAL_HEALTH_PROCEDURE_CODES: readonly ProcedureCode[] = [
  {
    code: '90785',
    description: 'Interactive complexity: extra work communicating during a psychiatric service',
    addOn: true,
    addOnTo: ['90791', '90792', '90832', '90833', '90834', '90836', '90837', '90838', '90853'],
  },
  { code: '90791', description: 'Psychiatric diagnostic evaluation, without medical services', addOn: false },
  { code: '90792', description: 'Psychiatric diagnostic evaluation, with medical services', addOn: false },
  {
    code: '90832',
    description: 'Individual psychotherapy, about 30 minutes',
    addOn: false,
    minutes: { from: 16, to: 37 },
  },
  {
    code: '90833',
    description: `Individual psychotherapy, about 30 minutes, added to ${EVALUATION_AND_MANAGEMENT}`,
    addOn: true,
    addOnTo: ['E/M'],
    minutes: { from: 16, to: 37 },
  },
  {
    code: '90834',
    description: 'Individual psychotherapy, about 45 minutes',
    addOn: false,
    minutes: { from: 38, to: 52 },
  },
  {
    code: '90836',
    description: `Individual psychotherapy, about 45 minutes, added to ${EVALUATION_AND_MANAGEMENT}`,
    addOn: true,
    addOnTo: ['E/M'],
    minutes: { from: 38, to: 52 },
  },
  {
    code: '90837',
    description: 'Individual psychotherapy, about 60 minutes',
    addOn: false,
    minutes: { from: 53 },
  },
  {
    code: '90838',
    description: `Individual psychotherapy, about 60 minutes, added to ${EVALUATION_AND_MANAGEMENT}`,
    addOn: true,
    addOnTo: ['E/M'],
    minutes: { from: 53 },
  },
  {
    code: '90839',
    description: 'Psychotherapy for a crisis, first hour',
    addOn: false,
    minutes: { from: 30, to: 74 },
  },
  {
    code: '90840',
    description: 'Psychotherapy for a crisis, each further half hour',
    addOn: true,
    addOnTo: ['90839'],
    minutes: { from: 30 },
  },
  { code: '90845', description: 'Psychoanalysis', addOn: false },
  {
    code: '90846',
    description: 'Family psychotherapy without the client present',
    addOn: false,
    minutes: { from: 26 },
  },
  {
    code: '90847',
    description: 'Family or couples psychotherapy with the client present',
    addOn: false,
    minutes: { from: 26 },
  },
  { code: '90849', description: 'Psychotherapy for a group of several families', addOn: false },
  { code: '90853', description: 'Group psychotherapy (not multiple-family)', addOn: false },
  {
    code: '96127',
    description: 'Brief emotional or behavioural assessment, scored, per standardised instrument',
    addOn: false,
  },
  {
    code: '96130',
    description: 'Psychological testing evaluation by a qualified professional, first hour',
    addOn: false,
  },
  {
    code: '96131',
    description: 'Psychological testing evaluation by a qualified professional, each further hour',
    addOn: true,
    addOnTo: ['96130'],
  },
  {
    code: '96136',
    description: 'Psychological test administration and scoring by a professional, first 30 minutes',
    addOn: false,
  },
  {
    code: '96137',
    description: 'Psychological test administration and scoring by a professional, each further 30 minutes',
    addOn: true,
    addOnTo: ['96136'],
  },
];

export type ModifierKind = 'telehealth' | 'credential' | 'program' | 'distinct_service' | 'evaluation';

export interface ProcedureModifier {
  code: string;
  meaning: string;
  kind: ModifierKind;
  /** Still accepted by some payers but replaced elsewhere; prefer the modern code. */
  legacy?: boolean;
}

/** Common HCPCS/CPT modifiers in behavioural health; which ones a payer wants varies by payer. */
export const PROCEDURE_MODIFIERS: readonly ProcedureModifier[] = [
  { code: '95', meaning: 'Telehealth by live audio and video', kind: 'telehealth' },
  { code: '93', meaning: 'Telehealth by live audio only', kind: 'telehealth' },
  {
    code: 'FQ',
    meaning: 'Service given by audio only (Medicare and some Medicaid plans)',
    kind: 'telehealth',
  },
  {
    code: 'GT',
    meaning: 'Telehealth by live audio and video (older code; most payers now want 95)',
    kind: 'telehealth',
    legacy: true,
  },
  { code: 'GQ', meaning: 'Telehealth by store-and-forward (not live)', kind: 'telehealth' },
  { code: 'HN', meaning: "Clinician holds a bachelor's degree", kind: 'credential' },
  { code: 'HO', meaning: "Clinician holds a master's degree", kind: 'credential' },
  { code: 'HP', meaning: 'Clinician holds a doctoral degree', kind: 'credential' },
  { code: 'AH', meaning: 'Service by a clinical psychologist (Medicare)', kind: 'credential' },
  { code: 'AJ', meaning: 'Service by a clinical social worker (Medicare)', kind: 'credential' },
  { code: 'HE', meaning: 'Mental health program', kind: 'program' },
  { code: 'HF', meaning: 'Substance use program', kind: 'program' },
  { code: 'HJ', meaning: 'Employee assistance program', kind: 'program' },
  { code: 'HQ', meaning: 'Group setting', kind: 'program' },
  {
    code: '59',
    meaning: 'Distinct service: separate from another service the same day',
    kind: 'distinct_service',
  },
  { code: 'XE', meaning: 'Distinct service: separate encounter the same day', kind: 'distinct_service' },
  { code: 'XP', meaning: 'Distinct service: by a different practitioner', kind: 'distinct_service' },
  { code: 'XS', meaning: 'Distinct service: separate organ or structure', kind: 'distinct_service' },
  {
    code: 'XU',
    meaning: 'Distinct service: does not overlap the usual parts of the main service',
    kind: 'distinct_service',
  },
  {
    code: '25',
    meaning: 'Separate, significant evaluation and management visit on the same day as another service',
    kind: 'evaluation',
  },
];

const CODES: ReadonlyMap<string, ProcedureCode> = new Map(
  BEHAVIORAL_HEALTH_PROCEDURE_CODES.map((c) => [c.code, c]),
);
const MODIFIERS: ReadonlyMap<string, ProcedureModifier> = new Map(
  PROCEDURE_MODIFIERS.map((m) => [m.code, m]),
);

export function findProcedureCode(code: string): ProcedureCode | undefined {
  return CODES.get(code.trim().replace(/^\+/, ''));
}

export function findModifier(code: string): ProcedureModifier | undefined {
  return MODIFIERS.get(code.trim().toUpperCase());
}
