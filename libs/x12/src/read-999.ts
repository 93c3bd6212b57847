import type { TransactionEnvelope } from './envelope';
import type { X12Result } from './errors';
import { FindingSink, type ReaderHandler, runReader } from './read-common';
import type { Segment } from './tokenizer';
import { KIND_999 } from './transactions';

export type AckStatus = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

const STATUS: Record<string, AckStatus> = {
  A: 'accepted',
  E: 'accepted-with-errors',
  P: 'partially-accepted',
  R: 'rejected',
  M: 'rejected',
  W: 'rejected',
  X: 'rejected',
};

export interface ElementError {
  /** IK401-1: position of the element in the segment. */
  readonly position: number;
  readonly componentPosition?: number;
  readonly repeatPosition?: number;
  readonly dataElement?: string;
  /** IK403, e.g. 1 required element missing, 7 invalid code value. */
  readonly code: string;
  readonly badValue?: string;
}

export interface SegmentError {
  /** IK301 */
  readonly segmentId: string;
  /** IK302: position of the segment in the acknowledged transaction (ST = 1). */
  readonly position: number;
  readonly loopId?: string;
  /** IK304, e.g. 3 required segment missing, 8 segment has data element errors. */
  readonly code: string;
  readonly elementErrors: ElementError[];
}

export interface TransactionAck {
  /** AK201, e.g. 837. */
  readonly setId: string;
  /** AK202: the ST02 we sent. */
  readonly controlNumber: string;
  readonly version?: string;
  /** IK501 */
  status: AckStatus;
  statusCode: string;
  /** IK502-IK506 */
  errorCodes: string[];
  readonly segmentErrors: SegmentError[];
}

export interface Ack999 {
  readonly envelope: TransactionEnvelope;
  /** AK1: the functional group acknowledged. */
  readonly functionalId: string;
  readonly groupControlNumber: string;
  readonly groupVersion?: string;
  readonly transactions: TransactionAck[];
  /** AK9 */
  groupStatus: AckStatus;
  groupStatusCode: string;
  transactionsIncluded: number;
  transactionsReceived: number;
  transactionsAccepted: number;
  groupErrorCodes: string[];
}

const int = (s: string | undefined): number | undefined => (s && /^\d+$/.test(s) ? Number(s) : undefined);

class Ack999Handler implements ReaderHandler<Ack999> {
  readonly results: Ack999[] = [];
  readonly sink = new FindingSink();
  private ack: Ack999 | undefined;
  private tx: TransactionAck | undefined;
  private segErr: SegmentError | undefined;
  private envelope: TransactionEnvelope | undefined;
  private sawAk9 = false;

  begin(envelope: TransactionEnvelope): void {
    this.envelope = envelope;
    this.ack = this.tx = this.segErr = undefined;
    this.sawAk9 = false;
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    switch (seg.id) {
      case 'AK1':
        this.ack = {
          envelope: this.envelope!,
          functionalId: f[1] ?? '',
          groupControlNumber: f[2] ?? '',
          groupVersion: f[3] || undefined,
          transactions: [],
          groupStatus: 'rejected',
          groupStatusCode: '',
          transactionsIncluded: 0,
          transactionsReceived: 0,
          transactionsAccepted: 0,
          groupErrorCodes: [],
        };
        return;
      case 'AK2': {
        const ack = this.need(seg);
        if (!ack) return;
        this.tx = {
          setId: f[1] ?? '',
          controlNumber: f[2] ?? '',
          version: f[3] || undefined,
          status: 'rejected',
          statusCode: '',
          errorCodes: [],
          segmentErrors: [],
        };
        this.segErr = undefined;
        ack.transactions.push(this.tx);
        return;
      }
      case 'IK3':
        if (!this.tx) return this.sink.add(seg, 'unexpected-segment', 'IK3 before AK2', 'error');
        this.segErr = {
          segmentId: f[1] ?? '',
          position: int(f[2]) ?? 0,
          loopId: f[3] || undefined,
          code: f[4] ?? '',
          elementErrors: [],
        };
        this.tx.segmentErrors.push(this.segErr);
        return;
      case 'IK4': {
        if (!this.segErr) return this.sink.add(seg, 'unexpected-segment', 'IK4 before IK3', 'error');
        const [pos, comp, rep] = this.sink.composite(seg, 1);
        const e: ElementError = {
          position: int(pos) ?? 0,
          componentPosition: int(comp),
          repeatPosition: int(rep),
          dataElement: f[2] || undefined,
          code: f[3] ?? '',
          badValue: f[4] || undefined,
        };
        this.segErr.elementErrors.push(e);
        return;
      }
      case 'IK5':
        if (!this.tx) return this.sink.add(seg, 'unexpected-segment', 'IK5 before AK2', 'error');
        this.tx.statusCode = f[1] ?? '';
        this.tx.status = this.status(seg, f[1]);
        this.tx.errorCodes = f.slice(2).filter((c) => c !== '');
        this.tx = this.segErr = undefined;
        return;
      case 'AK9': {
        const ack = this.need(seg);
        if (!ack) return;
        this.sawAk9 = true;
        ack.groupStatusCode = f[1] ?? '';
        ack.groupStatus = this.status(seg, f[1]);
        ack.transactionsIncluded = int(f[2]) ?? 0;
        ack.transactionsReceived = int(f[3]) ?? 0;
        ack.transactionsAccepted = int(f[4]) ?? 0;
        ack.groupErrorCodes = f.slice(5).filter((c) => c !== '');
        return;
      }
      default:
        return;
    }
  }

  private need(seg: Segment): Ack999 | undefined {
    if (!this.ack) this.sink.add(seg, 'unexpected-segment', `${seg.id} before AK1`, 'error');
    return this.ack;
  }

  private status(seg: Segment, code: string | undefined): AckStatus {
    const s = STATUS[code ?? ''];
    if (s) return s;
    this.sink.add(
      seg,
      'invalid-code',
      `${seg.id}01 "${code ?? ''}" is not an acknowledgment code; read as rejected`,
      'error',
    );
    return 'rejected';
  }

  end(se: Segment): void {
    if (!this.ack) return this.sink.add(se, 'missing-segment', 'the 999 has no AK1', 'error');
    if (!this.sawAk9) this.sink.add(se, 'missing-segment', 'the 999 has no AK9', 'error');
    this.results.push(this.ack);
    this.ack = undefined;
  }
}

/** Reads every 999 in the input. */
export function read999(input: string | Uint8Array): X12Result<Ack999[]> {
  return runReader(input, KIND_999, new Ack999Handler());
}
