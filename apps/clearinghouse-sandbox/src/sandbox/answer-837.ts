import {
  type Ack277caInput,
  type ClaimAckInput,
  type EnvelopeInput,
  type Finding,
  MAP_837P,
  read837p,
  type ReadClaim837,
  type RemitClaimInput,
  tokenize,
  type TransactionAckInput,
  validate,
  write277ca,
  write835,
  write999,
  writeTa1,
} from '@claimline/x12';
import { adjudicate, pathOf } from './adjudication';
import { transactionAck } from './ack-999';

/** Who the sandbox is, and what it needs to answer one file. */
export interface AnswerContext {
  readonly receivedAt: Date;
  /** A fresh interchange control number for each file the sandbox writes. */
  readonly nextControlNumber: () => number;
  /** Whether this sender already sent this ISA13 (then the file is refused with TA1 note 025). */
  readonly seenBefore: (senderId: string, controlNumber: string) => boolean;
  readonly name: string;
}

/** A file the sandbox writes back; `delayed` ones (835) go out after the configured delay. */
export interface Answer {
  readonly suffix: string;
  readonly x12: string;
  readonly delayed?: boolean;
}

export interface AnswerResult {
  readonly answers: Answer[];
  /** Why the file got no X12 answer at all (no readable ISA), for the sandbox's log and report file. */
  readonly unreadable?: string;
  readonly interchange?: { readonly senderId: string; readonly controlNumber: string };
  readonly claims: { accepted: number; rejected: number };
}

/** TA105 for validator findings about the interchange envelope. */
const ENVELOPE_NOTES: Record<string, string> = {
  'iea-control': '001',
  'iea-count': '021',
  'isa-duplicate': '025',
  syntax: '024',
};
const GROUP_CODES: Record<string, string> = { 'ge-count': '5', 'ge-control': '4' };

const money = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * The sandbox clearinghouse's answers to one uploaded file: a TA1 that refuses it when its
 * envelope is broken; else a 999 (each transaction accepted or rejected with IK3/IK4/IK5 from
 * libs/x12's validator); then for the accepted transactions a 277CA (each claim accepted, or
 * rejected when its member ID starts with REJ) and, delayed, an 835 per payer and billing
 * provider from the adjudication model.
 */
export function answer837(content: string, ctx: AnswerContext): AnswerResult {
  const claims = { accepted: 0, rejected: 0 };
  const tokens = tokenize(content);
  const isa = tokens.segments[0]?.id === 'ISA' ? tokens.segments[0] : undefined;
  const f = isa?.fields ?? [];
  if (!isa || f.length < 17 || !/^\d{9}$/.test(f[13] ?? ''))
    return {
      answers: [],
      unreadable: tokens.error?.message ?? 'the file does not start with a readable ISA',
      claims,
    };
  const interchange = { senderId: f[6].trim(), controlNumber: f[13] };
  // Our answers go back the way the file came: its receiver is our sender.
  const gs = tokens.segments.find((s) => s.id === 'GS');
  const usage: 'T' | 'P' = f[15] === 'P' ? 'P' : 'T';
  const envelope = (): EnvelopeInput => ({
    createdAt: ctx.receivedAt,
    usage,
    interchangeSender: { qualifier: f[7], id: f[8].trim() },
    interchangeReceiver: { qualifier: f[5], id: f[6].trim() },
    applicationSender: gs?.fields[3] || f[8].trim(),
    applicationReceiver: gs?.fields[2] || f[6].trim(),
    controlNumbers: { interchange: ctx.nextControlNumber(), group: 1, transaction: 1 },
  });
  const report = validate(tokens.segments, MAP_837P);
  const findings = report.findings;
  if (tokens.error) findings.push({ severity: 'error', code: 'syntax', message: tokens.error.message });

  const envelopeFinding = findings.find((x) => ENVELOPE_NOTES[x.code]);
  const note = ctx.seenBefore(interchange.senderId, interchange.controlNumber)
    ? '025'
    : envelopeFinding
      ? ENVELOPE_NOTES[envelopeFinding.code]
      : f[15] !== 'T' && f[15] !== 'P'
        ? '020'
        : !gs
          ? '024'
          : null;
  const ta1 = (status: 'accepted' | 'rejected', noteCode: string) =>
    must(
      'TA1',
      writeTa1({
        ...envelope(),
        acknowledged: { controlNumber: f[13], date: f[9], time: f[10] },
        status,
        noteCode,
      }),
    );
  if (note) return { answers: [{ suffix: 'TA1', x12: ta1('rejected', note) }], interchange, claims };

  const answers: Answer[] = [];
  if (f[14] === '1') answers.push({ suffix: 'TA1', x12: ta1('accepted', '000') });

  // 999: each transaction with the findings between its ST and SE.
  const sts = tokens.segments.filter((s) => s.id === 'ST');
  const version = gs?.fields[8] ?? '005010X222A1';
  const acks: TransactionAckInput[] = sts.map((st, i) => {
    const end = sts[i + 1]?.number ?? Number.MAX_SAFE_INTEGER;
    const inside = findings.filter(
      (x: Finding) =>
        x.segmentNumber !== undefined &&
        x.segmentNumber >= st.number &&
        x.segmentNumber < end &&
        !isOutsideTransaction(x),
    );
    return transactionAck(st, inside, version);
  });
  const groupErrorCodes = [
    ...new Set(findings.filter((x) => GROUP_CODES[x.code]).map((x) => GROUP_CODES[x.code])),
  ];
  answers.push({
    suffix: '999',
    x12: must(
      '999',
      write999({
        ...envelope(),
        functionalId: gs?.fields[1] ?? 'HC',
        groupControlNumber: gs?.fields[6] ?? '',
        groupVersion: version,
        transactions: acks.length
          ? acks
          : [{ setId: '837', controlNumber: '0000', status: 'rejected', errorCodes: ['2'] }],
        ...(groupErrorCodes.length ? { groupErrorCodes } : {}),
      }),
    ),
  });
  const acceptedSets = new Set(acks.filter((a) => a.status !== 'rejected').map((a) => a.controlNumber));
  if (!acceptedSets.size) return { answers, interchange, claims };

  const read = read837p(content);
  if (!read.ok) return { answers, interchange, claims };
  const files = read.value.filter((file) => acceptedSets.has(file.envelope.controlNumber));
  const all = files.flatMap((file) => file.claims.map((claim) => ({ file, claim })));
  if (!all.length) return { answers, interchange, claims };

  // 277CA: every claim of the accepted transactions, grouped by billing provider.
  const payerClaimNumber = (i: number) => `SBX${interchange.controlNumber}${String(i + 1).padStart(5, '0')}`;
  const providers = new Map<string, { name: string; npi: string; claims: ClaimAckInput[] }>();
  all.forEach(({ claim }, i) => {
    const npi = claim.billingProvider.id ?? '';
    const provider = providers.get(npi) ?? { name: claim.billingProvider.name, npi, claims: [] };
    providers.set(npi, provider);
    const rejected = pathOf(claim.subscriber.id ?? '') === 'rejected';
    if (rejected) claims.rejected++;
    else claims.accepted++;
    const dates = claim.lines
      .map((l) => l.serviceDate)
      .filter((d): d is string => !!d)
      .sort();
    const patient = claim.patient ?? claim.subscriber;
    provider.claims.push({
      claimId: claim.id,
      patient: { lastName: patient.name, firstName: patient.firstName, memberId: claim.subscriber.id ?? '' },
      status: rejected
        ? {
            category: 'A3',
            code: '33',
            entity: 'IL',
            message: 'SUBSCRIBER NOT FOUND (SANDBOX RULE: MEMBER ID REJ)',
          }
        : { category: 'A2', code: '20', entity: 'PR' },
      charge: claim.charge,
      ...(rejected ? {} : { payerClaimNumber: payerClaimNumber(i) }),
      serviceDateFrom: dates[0] ?? isoDay(ctx.receivedAt),
      ...(dates.length > 1 ? { serviceDateTo: dates[dates.length - 1] } : {}),
    });
  });
  const first = files[0];
  const ack277: Ack277caInput = {
    ...envelope(),
    referenceId: `SBX${interchange.controlNumber}`,
    payer: { name: ctx.name, id: f[8].trim() },
    receiver: { name: first.submitter?.name ?? f[6].trim(), id: first.submitter?.id ?? f[6].trim() },
    traceNumber: `SBX${interchange.controlNumber}`,
    batchId: first.batchId,
    receivedDate: isoDay(ctx.receivedAt),
    processedDate: isoDay(ctx.receivedAt),
    providers: [...providers.values()],
  };
  answers.push({ suffix: '277CA', x12: must('277CA', write277ca(ack277)) });

  // 835: the accepted claims, one file per payer and billing provider.
  const remits = new Map<string, { claim: ReadClaim837; number: string }[]>();
  all.forEach(({ claim }, i) => {
    if (pathOf(claim.subscriber.id ?? '') === 'rejected') return;
    const key = `${claim.payer.id ?? ''}|${claim.billingProvider.id ?? ''}`;
    remits.set(key, [...(remits.get(key) ?? []), { claim, number: payerClaimNumber(i) }]);
  });
  let n = 0;
  for (const group of remits.values()) {
    const { claim: head } = group[0];
    const remitClaims: RemitClaimInput[] = group.map(({ claim, number }) => remitClaim(claim, number));
    const paid = money(remitClaims.map((c) => c.paid));
    answers.push({
      suffix: `${++n}.835`,
      delayed: true,
      x12: must(
        '835',
        write835({
          ...envelope(),
          payment: {
            amount: paid,
            method: paid > 0 ? 'CHK' : 'NON',
            date: isoDay(ctx.receivedAt),
            traceNumber: `SBX${interchange.controlNumber}${n}`,
            payerIdentifier: '1999999999',
          },
          payer: {
            name: head.payer.name || 'SANDBOX PAYER',
            address: { line1: '1 SANDBOX WAY', city: 'PORTLAND', state: 'OR', postalCode: '97201' },
            technicalContact: { name: 'CLAIMLINE SANDBOX', email: 'sandbox@claimline.local' },
          },
          payee: {
            name: head.billingProvider.name,
            npi: head.billingProvider.id ?? '',
            ...(head.billingProvider.taxId ? { taxId: head.billingProvider.taxId } : {}),
          },
          claims: remitClaims,
        }),
      ),
    });
  }
  return { answers, interchange, claims };
}

/** GS/GE and ISA/IEA findings belong to the group or interchange, not to a transaction. */
const isOutsideTransaction = (x: Finding) => !!(GROUP_CODES[x.code] || ENVELOPE_NOTES[x.code]);

const FILING_835 = new Set([
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  'AM',
  'CH',
  'DS',
  'HM',
  'LM',
  'MA',
  'MB',
  'MC',
  'OF',
  'TV',
  'VA',
  'WC',
  'ZZ',
]);

function remitClaim(claim: ReadClaim837, payerClaimNumber: string): RemitClaimInput {
  const result = adjudicate(
    claim.subscriber.id ?? '',
    claim.lines.map((l) => ({ charge: l.charge })),
  );
  const patient = claim.patient ?? claim.subscriber;
  const filing = claim.subscriber.claimFilingIndicator;
  return {
    claimId: claim.id,
    statusCode: result.statusCode,
    charge: result.charge,
    paid: result.paid,
    patientResponsibility: result.patientResponsibility,
    // CLP06 has fewer codes than SBR09 (no CI, BL…): those become ZZ, mutually defined.
    filingIndicator: FILING_835.has(filing) ? filing : 'ZZ',
    payerClaimNumber,
    frequencyCode: claim.frequencyCode,
    patient: { lastName: patient.name, firstName: patient.firstName, memberId: claim.subscriber.id },
    lines: claim.lines.map((l, i) => {
      const line = result.lines[i];
      return {
        procedure: { qualifier: 'HC', code: l.procedure, modifiers: l.modifiers },
        charge: line.charge,
        paid: line.paid,
        units: l.units,
        ...(l.serviceDate ? { serviceDate: l.serviceDate } : {}),
        ...(l.lineId ? { lineControlNumber: l.lineId } : {}),
        ...(line.allowed ? { allowed: line.allowed } : {}),
        adjustments: line.adjustments,
        ...(line.remarks.length ? { remarkCodes: line.remarks } : {}),
      };
    }),
  };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A writer refusing what the sandbox built is a bug of the sandbox: say what and why. */
function must(
  what: string,
  result: { x12?: string; problems: readonly { field: string; message: string }[] },
): string {
  if (result.x12 !== undefined) return result.x12;
  throw new Error(
    `the sandbox could not write its ${what}: ${result.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
  );
}
