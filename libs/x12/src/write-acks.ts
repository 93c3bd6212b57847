import { formatCents } from './amount';
import { isDate, isTime } from './dates';
import type { AckStatus, ElementError, SegmentError } from './read-999';
import { MAP_277CA } from './generated/map-277ca';
import { MAP_999 } from './generated/map-999';
import type { TxMapData } from './map-types';
import type { Finding } from './errors';
import { tokenize } from './tokenizer';
import { checkEnvelopes, validate } from './validator';
import {
  Checker,
  checkEnvelope,
  type ControlNumbers,
  controlNumbers,
  d8,
  type EnvelopeInput,
  isa,
  SegmentWriter,
  type WriteOptions,
  type WriteResult,
} from './write-common';

/** TA104 */
export type InterchangeAckStatus = 'accepted' | 'accepted-with-errors' | 'rejected';

export interface Ta1Input extends EnvelopeInput {
  /** The interchange acknowledged, as its ISA sent them: ISA13, ISA09 (YYMMDD), ISA10 (HHMM). */
  readonly acknowledged: { readonly controlNumber: string; readonly date: string; readonly time: string };
  readonly status: InterchangeAckStatus;
  /** TA105, e.g. 000 no error, 025 duplicate control number (see TA1_NOTES). */
  readonly noteCode: string;
}

/** TA105 interchange note codes, in our words. */
export const TA1_NOTES: Readonly<Record<string, string>> = {
  '000': 'No error',
  '001': 'The control numbers in ISA13 and IEA02 differ',
  '002': 'This standard is not supported',
  '003': 'This version of the controls is not supported',
  '004': 'The segment terminator is not valid',
  '005': 'The sender id qualifier (ISA05) is not valid',
  '006': 'The sender id (ISA06) is not valid',
  '007': 'The receiver id qualifier (ISA07) is not valid',
  '008': 'The receiver id (ISA08) is not valid',
  '009': 'The receiver id is not known',
  '010': 'The authorization qualifier (ISA01) is not valid',
  '011': 'The authorization information (ISA02) is not valid',
  '012': 'The security qualifier (ISA03) is not valid',
  '013': 'The security information (ISA04) is not valid',
  '014': 'The interchange date (ISA09) is not valid',
  '015': 'The interchange time (ISA10) is not valid',
  '016': 'The standards identifier (ISA11) is not valid',
  '017': 'The version (ISA12) is not valid',
  '018': 'The interchange control number (ISA13) is not valid',
  '019': 'The acknowledgment request (ISA14) is not valid',
  '020': 'The usage indicator (ISA15) is not valid',
  '021': 'IEA01 does not match the number of functional groups',
  '022': 'The control structure is not valid',
  '023': 'The file ends before the interchange does',
  '024': 'The interchange content is not valid',
  '025': 'This interchange control number was already received',
  '026': 'The element separator is not valid',
  '027': 'The component separator is not valid',
  '028': 'The delivery date of a deferred delivery request is not valid',
  '029': 'The delivery time of a deferred delivery request is not valid',
  '030': 'The delivery time code of a deferred delivery request is not valid',
  '031': 'The grade of service code is not valid',
};

const TA1_STATUS: Record<InterchangeAckStatus, string> = {
  accepted: 'A',
  'accepted-with-errors': 'E',
  rejected: 'R',
};

/** Writes an interchange that holds one TA1 and no functional group. */
export function writeTa1(input: Ta1Input, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  const a = input.acknowledged;
  if (!/^\d{9}$/.test(a?.controlNumber ?? ''))
    c.fail(
      'acknowledged.controlNumber',
      'TA101 is the 9-digit ISA13',
      `"${a?.controlNumber ?? ''}" is not valid`,
    );
  if (!isDate(a?.date ?? '') || a.date.length !== 6)
    c.fail('acknowledged.date', 'TA102 is the ISA09 date YYMMDD', `"${a?.date ?? ''}" is not valid`);
  if (!isTime(a?.time ?? '') || a.time.length !== 4)
    c.fail('acknowledged.time', 'TA103 is the ISA10 time HHMM', `"${a?.time ?? ''}" is not valid`);
  if (!TA1_STATUS[input.status]) c.fail('status', 'TA104 is A, E or R', `"${input.status}" is not valid`);
  if (!TA1_NOTES[input.noteCode]) c.fail('noteCode', 'TA105 code list', `"${input.noteCode}" is not valid`);
  if (input.status === 'accepted' && input.noteCode !== '000')
    c.fail('noteCode', 'an accepted interchange has note 000', `"${input.noteCode}" is not 000`);
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };
  const E = w.E;
  const sep = w.T + w.nl;
  const ta1 = ['TA1', a.controlNumber, a.date, a.time, TA1_STATUS[input.status], input.noteCode].join(E);
  const x12 = [isa(w, input, cn.interchange), ta1, ['IEA', '0', cn.interchange].join(E)].join(sep) + sep;
  return { x12, problems: [], controlNumbers: cn };
}

export interface TransactionAckInput {
  /** AK201 / AK202 / AK203: the transaction acknowledged. */
  readonly setId: string;
  readonly controlNumber: string;
  readonly version?: string;
  readonly status: Exclude<AckStatus, 'partially-accepted'>;
  /** IK502-IK506, required unless accepted (e.g. 5 one or more segments in error). */
  readonly errorCodes?: readonly string[];
  readonly segmentErrors?: readonly SegmentError[];
}

export interface Ack999Input extends EnvelopeInput {
  /** AK101 / AK102 / AK103: the functional group acknowledged. */
  readonly functionalId: string;
  readonly groupControlNumber: string;
  readonly groupVersion?: string;
  readonly transactions: readonly TransactionAckInput[];
  /** AK905-AK909 */
  readonly groupErrorCodes?: readonly string[];
}

const ACK_CODE: Record<string, string> = {
  accepted: 'A',
  'accepted-with-errors': 'E',
  'partially-accepted': 'P',
  rejected: 'R',
};

/** Writes a 999 (005010X231A1); the AK9 counts and group status follow from the transactions. */
export function write999(input: Ack999Input, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  const txs = input.transactions ?? [];
  if (!txs.length) c.fail('transactions', 'a 999 acknowledges at least one transaction (AK2)', 'is empty');
  txs.forEach((t, i) => {
    if (!ACK_CODE[t.status])
      c.fail(`transactions[${i}].status`, 'IK501 code list', `"${t.status}" is not valid`);
    if (t.status !== 'accepted' && !t.errorCodes?.length)
      c.fail(`transactions[${i}].errorCodes`, 'IK502 is required unless IK501 is A', 'is empty');
    if ((t.errorCodes ?? []).length > 5)
      c.fail(`transactions[${i}].errorCodes`, 'at most 5 (IK502-IK506)', 'too many');
  });
  if ((input.groupErrorCodes ?? []).length > 5)
    c.fail('groupErrorCodes', 'at most 5 (AK905-AK909)', 'too many');
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };

  w.seg('ST', '999', cn.transaction, '005010X231A1');
  w.seg('AK1', input.functionalId, input.groupControlNumber, input.groupVersion);
  for (const t of txs) {
    w.seg('AK2', t.setId, t.controlNumber, t.version);
    for (const s of t.segmentErrors ?? []) {
      w.seg('IK3', s.segmentId, String(s.position), s.loopId, s.code);
      for (const e of s.elementErrors ?? [])
        w.seg('IK4', elementPosition(w, e), e.dataElement, e.code, e.badValue && w.text(e.badValue, 99));
    }
    w.seg('IK5', ACK_CODE[t.status], ...(t.errorCodes ?? []));
  }
  const accepted = txs.filter((t) => t.status !== 'rejected').length;
  const withErrors = txs.some((t) => t.status === 'accepted-with-errors');
  const group = accepted === txs.length ? (withErrors ? 'E' : 'A') : accepted === 0 ? 'R' : 'P';
  const n = String(txs.length);
  w.seg('AK9', group, n, n, String(accepted), ...(input.groupErrorCodes ?? []));
  return finish(w, input, 'FA', '005010X231A1', cn, MAP_999);
}

function elementPosition(w: SegmentWriter, e: ElementError): string {
  return w.comp(String(e.position), e.componentPosition?.toString(), e.repeatPosition?.toString());
}

/** STC01 and what goes with it. */
export interface StatusInput {
  /** Claim status category, e.g. A1 received, A2 accepted, A3 returned as unprocessable, A7 rejected. */
  readonly category: string;
  /** Claim status code, e.g. 20 accepted for processing, 562 entity's NPI. */
  readonly code: string;
  /** Entity the status is about, e.g. 85 billing provider, 41 submitter. */
  readonly entity?: string;
  readonly message?: string;
}

export interface ClaimAckLineInput {
  readonly procedure: string;
  readonly modifiers?: readonly string[];
  readonly charge: number;
  readonly lineControlNumber?: string;
  readonly serviceDate?: string;
  readonly status: StatusInput;
}

export interface ClaimAckInput {
  /** CLM01 as we received it: TRN02. */
  readonly claimId: string;
  readonly patient: { readonly lastName: string; readonly firstName?: string; readonly memberId: string };
  readonly status: StatusInput;
  /** CLM02 total charge, cents. */
  readonly charge: number;
  /** REF*1K, for an accepted claim. */
  readonly payerClaimNumber?: string;
  readonly serviceDateFrom: string;
  readonly serviceDateTo?: string;
  readonly lines?: readonly ClaimAckLineInput[];
}

export interface Ack277caInput extends EnvelopeInput {
  /** BHT03. */
  readonly referenceId: string;
  readonly payer: { readonly name: string; readonly id: string };
  readonly receiver: { readonly name: string; readonly id: string };
  /** TRN02 of 2200A and 2200C. */
  readonly traceNumber: string;
  /** TRN02 of 2200B: the batch acknowledged (our BHT03). */
  readonly batchId: string;
  readonly receivedDate: string;
  readonly processedDate: string;
  readonly providers: readonly {
    readonly name: string;
    readonly npi: string;
    readonly claims: readonly ClaimAckInput[];
  }[];
}

/** A claim counts as accepted when its category is A1 or A2 (received, accepted into adjudication). */
const isAccepted = (s: StatusInput) => s.category === 'A1' || s.category === 'A2';

/** Writes a 277CA (005010X214): per provider and claim, accepted or rejected with counts and amounts. */
export function write277ca(input: Ack277caInput, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  for (const f of ['receivedDate', 'processedDate'] as const) c.date(f, input[f]);
  c.text('payer.name', input.payer?.name, 'NM103 is required');
  c.text('payer.id', input.payer?.id, 'NM109 is required');
  c.text('receiver.name', input.receiver?.name, 'NM103 is required');
  c.text('receiver.id', input.receiver?.id, 'NM109 is required');
  c.exact('traceNumber', input.traceNumber, 50, w.separators, 'TRN02 is 1-50 characters');
  c.exact('batchId', input.batchId, 50, w.separators, 'TRN02 is 1-50 characters');
  c.text('referenceId', input.referenceId, 'BHT03 is required');
  if (!input.providers?.length) c.fail('providers', 'at least one provider (2000C)', 'is empty');
  (input.providers ?? []).forEach((p, i) => {
    c.npi(`providers[${i}].npi`, p.npi);
    if (!p.claims?.length) c.fail(`providers[${i}].claims`, 'at least one claim (2000D)', 'is empty');
    (p.claims ?? []).forEach((cl, j) => {
      const f = `providers[${i}].claims[${j}]`;
      c.exact(`${f}.claimId`, cl.claimId, 50, w.separators, 'TRN02 is the CLM01 we received');
      c.text(`${f}.patient.lastName`, cl.patient?.lastName, 'NM103 is required');
      c.text(`${f}.patient.memberId`, cl.patient?.memberId, 'NM109 is required');
      c.money(`${f}.charge`, cl.charge);
      c.date(`${f}.serviceDateFrom`, cl.serviceDateFrom);
      c.date(`${f}.serviceDateTo`, cl.serviceDateTo, false);
      (cl.lines ?? []).forEach((l, k) => c.date(`${f}.lines[${k}].serviceDate`, l.serviceDate, false));
    });
  });
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };

  const processed = d8(input.processedDate);
  const claims = input.providers.flatMap((p) => p.claims);
  const totals = (list: readonly ClaimAckInput[]) => {
    const ok = list.filter((x) => isAccepted(x.status));
    const sum = (l: readonly ClaimAckInput[]) => l.reduce((s, x) => s + x.charge, 0);
    return {
      accepted: ok.length,
      rejected: list.length - ok.length,
      okAmount: sum(ok),
      badAmount: sum(list) - sum(ok),
    };
  };
  const counts = (t: ReturnType<typeof totals>, acceptedQty: string, rejectedQty: string) => {
    if (t.accepted) w.seg('QTY', acceptedQty, String(t.accepted));
    if (t.rejected) w.seg('QTY', rejectedQty, String(t.rejected));
    if (t.accepted) w.seg('AMT', 'YU', formatCents(t.okAmount));
    if (t.rejected) w.seg('AMT', 'YY', formatCents(t.badAmount));
  };
  // the provider level (2200C) carries no STC02 date
  const stc = (s: StatusInput, amount: number | undefined, dated = true) =>
    w.seg(
      'STC',
      w.comp(s.category, s.code, s.entity),
      dated ? processed : '',
      isAccepted(s) ? 'WQ' : 'U',
      amount === undefined ? undefined : formatCents(amount),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      s.message ? w.text(s.message, 264) : undefined,
    );

  w.seg('ST', '277', cn.transaction, '005010X214');
  w.seg('BHT', '0085', '08', w.text(input.referenceId, 50), processed, '0000', 'TH');
  w.seg('HL', '1', '', '20', '1');
  w.seg('NM1', 'PR', '2', w.text(input.payer.name), '', '', '', '', 'PI', w.text(input.payer.id, 80));
  w.seg('TRN', '1', input.traceNumber);
  w.seg('DTP', '050', 'D8', d8(input.receivedDate));
  w.seg('DTP', '009', 'D8', processed);
  w.seg('HL', '2', '1', '21', '1');
  w.seg('NM1', '41', '2', w.text(input.receiver.name), '', '', '', '', '46', w.text(input.receiver.id, 80));
  w.seg('TRN', '2', input.batchId);
  const all = totals(claims);
  stc({ category: 'A1', code: '19', entity: 'PR' }, all.okAmount + all.badAmount);
  counts(all, '90', 'AA');
  let hl = 2;
  for (const p of input.providers) {
    const providerHl = ++hl;
    w.seg('HL', String(providerHl), '2', '19', '1');
    w.seg('NM1', '85', '2', w.text(p.name), '', '', '', '', 'XX', p.npi);
    w.seg('TRN', '1', input.traceNumber);
    const t = totals(p.claims);
    stc({ category: 'A1', code: '19', entity: 'PR' }, t.okAmount + t.badAmount, false);
    counts(t, 'QA', 'QC');
    for (const cl of p.claims) {
      w.seg('HL', String(++hl), String(providerHl), 'PT');
      w.seg(
        'NM1',
        'QC',
        '1',
        w.text(cl.patient.lastName),
        w.text(cl.patient.firstName, 35),
        '',
        '',
        '',
        'MI',
        w.text(cl.patient.memberId, 80),
      );
      w.seg('TRN', '2', cl.claimId);
      stc(cl.status, cl.charge);
      if (cl.payerClaimNumber && isAccepted(cl.status)) w.seg('REF', '1K', w.text(cl.payerClaimNumber, 50));
      const from = d8(cl.serviceDateFrom);
      const to = cl.serviceDateTo ? d8(cl.serviceDateTo) : from;
      w.seg('DTP', '472', from === to ? 'D8' : 'RD8', from === to ? from : `${from}-${to}`);
      for (const l of cl.lines ?? []) {
        w.seg('SVC', w.comp('HC', l.procedure, ...(l.modifiers ?? [])), formatCents(l.charge));
        w.seg(
          'STC',
          w.comp(l.status.category, l.status.code, l.status.entity),
          processed,
          'U',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          l.status.message ? w.text(l.status.message, 264) : undefined,
        );
        if (l.lineControlNumber) w.seg('REF', 'FJ', l.lineControlNumber);
        if (l.serviceDate) w.seg('DTP', '472', 'D8', d8(l.serviceDate));
      }
    }
  }
  return finish(w, input, 'HN', '005010X214', cn, MAP_277CA);
}

/**
 * Wraps the transaction and checks it against the guide's map: a writer never hands out a
 * file our own validator would refuse; if it would, the findings come back as problems.
 */
export function finish(
  w: SegmentWriter,
  env: EnvelopeInput,
  functionalId: string,
  version: string,
  cn: ControlNumbers,
  map: TxMapData | undefined,
): WriteResult {
  const x12 = w.interchange(env, functionalId, version, cn);
  // without a map (270, 276), only the envelope, counts and HL links can be checked
  const all = map ? validate(x12, map).findings : envelopeFindings(x12);
  const findings = all.filter((f) => f.severity === 'error');
  if (!findings.length) return { x12, problems: [], controlNumbers: cn };
  return {
    problems: findings.map((f) => ({
      field: `segment ${f.segmentNumber ?? '?'} ${f.segmentId ?? ''}`.trim(),
      rule: `${map?.version ?? version}: ${f.code}`,
      message: f.message,
    })),
    controlNumbers: cn,
  };
}

function envelopeFindings(x12: string): Finding[] {
  const findings: Finding[] = [];
  checkEnvelopes(tokenize(x12).segments, findings);
  return findings;
}
