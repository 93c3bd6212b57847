import type { Segment } from '@claimline/x12';

/**
 * The few envelope helpers the sandbox's real-time answers need. libs/x12 has writers for what
 * Claimline sends (270, 276) but none for a clearinghouse's 271 or 277 answer, so the sandbox
 * writes those segment by segment here and reads each answer back with libs/x12's readers and
 * envelope check before sending it (answer-270.ts, answer-276.ts).
 */
export const SEP = { element: '*', component: ':', repetition: '^', segment: '~' } as const;

/** Removes the characters that would break a segment (our separators) from a value we echo back. */
export function clean(value: string | undefined): string {
  return (value ?? '').replace(/[*:^~\r\n]/g, ' ').trim();
}

export function d8(iso: string): string {
  return iso.replace(/-/g, '');
}

export function iso(d8: string | undefined): string | undefined {
  return d8 && /^\d{8}$/.test(d8) ? `${d8.slice(0, 4)}-${d8.slice(4, 6)}-${d8.slice(6, 8)}` : undefined;
}

/** A segment from its elements, with trailing empty elements dropped (the guides forbid them). */
export function seg(...elements: (string | number | undefined)[]): string {
  const parts = elements.map((e) => (e === undefined ? '' : String(e)));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(SEP.element);
}

/** Cents as an X12 amount (R): 12050 → 120.5, 2000 → 20. */
export function amount(cents: number): string {
  return String(cents / 100);
}

export interface Envelope {
  /** The sender and receiver of the request, swapped for the answer. */
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  readonly gsSender: string;
  readonly gsReceiver: string;
  readonly usage: 'T' | 'P';
}

/** The envelope of a request's answer: the request's parties swapped. */
export function answerEnvelope(segments: readonly Segment[]): Envelope | undefined {
  const isa = segments.find((s) => s.id === 'ISA')?.fields;
  const gs = segments.find((s) => s.id === 'GS')?.fields;
  if (!isa || !gs) return undefined;
  return {
    senderQualifier: isa[7]!.trim(),
    senderId: isa[8]!.trim(),
    receiverQualifier: isa[5]!.trim(),
    receiverId: isa[6]!.trim(),
    gsSender: gs[3] ?? '',
    gsReceiver: gs[2] ?? '',
    usage: isa[15] === 'P' ? 'P' : 'T',
  };
}

/** ISA/GS/ST … SE/GE/IEA around one transaction's body (the segments after ST, before SE). */
export function envelop(
  env: Envelope,
  functionalId: string,
  transaction: string,
  version: string,
  control: number,
  at: Date,
  body: readonly string[],
): string {
  const yymmdd = at.toISOString().slice(2, 10).replace(/-/g, '');
  const ccyymmdd = at.toISOString().slice(0, 10).replace(/-/g, '');
  const hhmm = at.toISOString().slice(11, 16).replace(':', '');
  const isa13 = String(control).padStart(9, '0');
  const st02 = '0001';
  const segments = [
    [
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      env.senderQualifier.padEnd(2),
      env.senderId.padEnd(15),
      env.receiverQualifier.padEnd(2),
      env.receiverId.padEnd(15),
      yymmdd,
      hhmm,
      SEP.repetition,
      '00501',
      isa13,
      '0',
      env.usage,
      SEP.component,
    ].join(SEP.element),
    seg('GS', functionalId, env.gsSender, env.gsReceiver, ccyymmdd, hhmm, control, 'X', version),
    seg('ST', transaction, st02, version),
    ...body,
    seg('SE', body.length + 2, st02),
    seg('GE', 1, control),
    seg('IEA', 1, isa13),
  ];
  return segments.join(SEP.segment + '\n') + SEP.segment + '\n';
}
