import { EnvelopeWalker, type InterchangeInfo } from './envelope';
import { X12Error, type X12Result } from './errors';
import { FindingSink } from './read-common';
import { type Segment, X12Tokenizer } from './tokenizer';
import { TA1_NOTES, type InterchangeAckStatus } from './write-acks';

export interface InterchangeAck {
  /** The interchange that carries the TA1. */
  readonly interchange: InterchangeInfo;
  /** TA101-TA103: ISA13, ISA09 and ISA10 of the interchange acknowledged. */
  readonly controlNumber: string;
  readonly date: string;
  readonly time: string;
  readonly status: InterchangeAckStatus;
  /** TA105 and its meaning. */
  readonly noteCode: string;
  readonly note: string;
}

const STATUS: Record<string, InterchangeAckStatus> = {
  A: 'accepted',
  E: 'accepted-with-errors',
  R: 'rejected',
};

/** Reads every TA1 (interchange acknowledgment) in the input; functional groups are skipped. */
export function readTa1(input: string | Uint8Array): X12Result<InterchangeAck[]> {
  const acks: InterchangeAck[] = [];
  const sink = new FindingSink();
  const onTa1 = (seg: Segment, interchange: InterchangeInfo) => {
    const f = seg.fields;
    const status = STATUS[f[4] ?? ''];
    if (!status)
      sink.add(seg, 'invalid-code', `TA104 "${f[4] ?? ''}" is not A, E or R; read as rejected`, 'error');
    const noteCode = f[5] ?? '';
    acks.push({
      interchange,
      controlNumber: f[1] ?? '',
      date: f[2] ?? '',
      time: f[3] ?? '',
      status: status ?? 'rejected',
      noteCode,
      note: TA1_NOTES[noteCode] ?? `unknown note code ${noteCode}`,
    });
  };
  const skip = { begin: () => undefined, segment: () => undefined, end: () => undefined };
  const walker = new EnvelopeWalker(
    { setId: '*', guide: '', name: 'TA1 interchange acknowledgment' },
    skip,
    onTa1,
  );
  const tok = new X12Tokenizer();
  let last = 0;
  const take = (segs: Segment[]) => {
    for (const s of segs) {
      walker.push(s);
      last = s.number;
      if (walker.error) return;
    }
  };
  take(tok.feed(input));
  if (!walker.error && !tok.error) take(tok.end());
  if (!walker.error && !tok.error) walker.finish(last, true);
  const findings = [...walker.findings, ...sink.list];
  const error = tok.error ?? walker.error;
  if (error) return { ok: false, error, findings };
  if (!acks.length)
    return { ok: false, error: new X12Error('no TA1 found', last + 1, undefined, 'TA1 after ISA'), findings };
  return { ok: true, value: acks, findings };
}
