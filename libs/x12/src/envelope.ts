import { type Finding, X12Error } from './errors';
import type { Segment } from './tokenizer';
import { TRANSACTION_KINDS, type TransactionKind, transactionKind } from './transactions';

export interface InterchangeInfo {
  readonly controlNumber: string;
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  /** ISA09 YYMMDD and ISA10 HHMM as sent. */
  readonly date: string;
  readonly time: string;
  /** ISA15: P production, T test. */
  readonly usage: string;
}

export interface GroupInfo {
  readonly functionalId: string;
  readonly senderCode: string;
  readonly receiverCode: string;
  readonly date: string;
  readonly time: string;
  readonly controlNumber: string;
  readonly version: string;
}

export interface TransactionEnvelope {
  readonly interchange: InterchangeInfo;
  readonly group: GroupInfo;
  /** ST01, e.g. 835. */
  readonly setId: string;
  /** ST02. */
  readonly controlNumber: string;
  /** ST03, else GS08: the implementation guide, e.g. 005010X221A1. */
  readonly version: string;
}

export interface TransactionHandler {
  begin(envelope: TransactionEnvelope, st: Segment): void;
  /** Every segment between ST and SE. */
  segment(seg: Segment): void;
  end(se: Segment): void;
}

/**
 * Walks ISA/GS/ST...SE/GE/IEA one segment at a time, handing transaction bodies to a handler.
 * Structure it cannot follow is an X12Error; count and control-number mismatches are warnings.
 */
export class EnvelopeWalker {
  readonly findings: Finding[] = [];
  error: X12Error | undefined;
  /** Called for each finding instead of keeping it in `findings` (streaming). */
  onFinding: ((f: Finding) => void) | undefined;
  private interchange: InterchangeInfo | undefined;
  private group: GroupInfo | undefined;
  private st: Segment | undefined;
  private groups = 0;
  private sets = 0;
  private transactions = 0;

  private readonly kind: TransactionKind;

  constructor(
    expected: TransactionKind | string,
    private readonly handler: TransactionHandler,
    /** Called for each TA1 (interchange acknowledgment) between ISA and the first GS. */
    private readonly onTa1?: (seg: Segment, interchange: InterchangeInfo) => void,
  ) {
    this.kind =
      typeof expected === 'string'
        ? (TRANSACTION_KINDS.find((k) => k.setId === expected) ?? {
            setId: expected,
            guide: '',
            name: expected,
          })
        : expected;
  }

  private get setId(): string {
    return this.kind.setId;
  }

  get transactionCount(): number {
    return this.transactions;
  }

  private warn(seg: Segment, code: string, message: string): void {
    const f: Finding = { severity: 'warning', code, message, segmentNumber: seg.number, segmentId: seg.id };
    if (this.onFinding) this.onFinding(f);
    else this.findings.push(f);
  }

  private fail(seg: Segment | undefined, message: string, expected: string): void {
    this.error ??= new X12Error(message, seg?.number, seg?.id, expected);
  }

  push(seg: Segment): void {
    if (this.error) return;
    if (this.st) {
      if (seg.id === 'SE') {
        const f = seg.fields;
        const count = seg.number - this.st.number + 1;
        if (f[1] !== String(count))
          this.warn(seg, 'se-count', `SE01 is ${f[1] ?? ''}, the transaction has ${count} segments`);
        if (f[2] !== this.st.fields[2])
          this.warn(seg, 'se-control', `SE02 ${f[2] ?? ''} does not match ST02 ${this.st.fields[2] ?? ''}`);
        this.st = undefined;
        this.handler.end(seg);
      } else if (
        seg.id === 'ST' ||
        seg.id === 'GE' ||
        seg.id === 'IEA' ||
        seg.id === 'GS' ||
        seg.id === 'ISA'
      ) {
        this.fail(seg, `${seg.id} found inside transaction ${this.st.fields[2] ?? ''}`, 'SE');
      } else this.handler.segment(seg);
      return;
    }
    const f = seg.fields;
    switch (seg.id) {
      case 'ISA':
        if (this.interchange) return this.fail(seg, 'ISA found inside an interchange', 'IEA');
        this.interchange = {
          senderQualifier: (f[5] ?? '').trim(),
          senderId: (f[6] ?? '').trim(),
          receiverQualifier: (f[7] ?? '').trim(),
          receiverId: (f[8] ?? '').trim(),
          date: f[9] ?? '',
          time: f[10] ?? '',
          controlNumber: f[13] ?? '',
          usage: f[15] ?? '',
        };
        this.groups = 0;
        return;
      case 'GS':
        if (!this.interchange) return this.fail(seg, 'GS found outside an interchange', 'ISA');
        if (this.group) return this.fail(seg, 'GS found inside a functional group', 'GE');
        this.group = {
          functionalId: f[1] ?? '',
          senderCode: f[2] ?? '',
          receiverCode: f[3] ?? '',
          date: f[4] ?? '',
          time: f[5] ?? '',
          controlNumber: f[6] ?? '',
          version: f[8] ?? '',
        };
        this.groups++;
        this.sets = 0;
        return;
      case 'ST':
        if (!this.group || !this.interchange)
          return this.fail(seg, 'ST found outside a functional group', 'GS');
        {
          const version = f[3] || this.group.version;
          const kind = transactionKind(f[1] ?? '', version);
          const expected =
            f[1] !== this.setId ? `ST01 ${this.setId}` : `ST01 ${this.setId} with guide ${this.kind.guide}`;
          const found = kind
            ? `a ${kind.name} (${version})`
            : `transaction set ${f[1] ?? ''} (${version || 'no guide'})`;
          const hint = kind?.reader ? `; read it with ${kind.reader}` : '';
          // setId "*" reads only the envelope (TA1s), whatever the transactions
          if (
            this.setId !== '*' &&
            (f[1] !== this.setId ||
              (kind && kind !== this.kind && kind.setId === this.setId && this.kind.guide))
          )
            return this.fail(seg, `this is ${found}, not a ${this.kind.name}${hint}`, expected);
          if (!kind && this.kind.guide && this.setId !== '*')
            this.warn(
              seg,
              'version',
              `guide ${version || '(none)'} is not ${this.kind.guide}; read as a ${this.kind.name}`,
            );
          this.st = seg;
          this.sets++;
          this.transactions++;
          this.handler.begin(
            {
              interchange: this.interchange,
              group: this.group,
              setId: f[1],
              controlNumber: f[2] ?? '',
              version,
            },
            seg,
          );
          return;
        }
      case 'TA1':
        if (!this.interchange || this.group || this.groups)
          return this.fail(
            seg,
            'TA1 found outside the interchange header',
            'TA1 between ISA and the first GS',
          );
        this.onTa1?.(seg, this.interchange);
        return;
      case 'GE':
        if (!this.group) return this.fail(seg, 'GE found outside a functional group', 'GS');
        if (f[1] !== String(this.sets))
          this.warn(seg, 'ge-count', `GE01 is ${f[1] ?? ''}, the group has ${this.sets} transactions`);
        if (f[2] !== this.group.controlNumber)
          this.warn(seg, 'ge-control', `GE02 ${f[2] ?? ''} does not match GS06 ${this.group.controlNumber}`);
        this.group = undefined;
        return;
      case 'IEA':
        if (!this.interchange) return this.fail(seg, 'IEA found outside an interchange', 'ISA');
        if (this.group) return this.fail(seg, 'IEA found before GE', 'GE');
        if (f[1] !== String(this.groups))
          this.warn(seg, 'iea-count', `IEA01 is ${f[1] ?? ''}, the interchange has ${this.groups} groups`);
        if (f[2] !== this.interchange.controlNumber)
          this.warn(
            seg,
            'iea-control',
            `IEA02 ${f[2] ?? ''} does not match ISA13 ${this.interchange.controlNumber}`,
          );
        this.interchange = undefined;
        return;
      default:
        return this.fail(
          seg,
          `${seg.id} found outside a transaction`,
          this.group ? 'ST' : this.interchange ? 'GS' : 'ISA',
        );
    }
  }

  /** Call at end of input. */
  finish(lastSegmentNumber: number, allowEmpty = false): void {
    if (this.error) return;
    const at = lastSegmentNumber + 1;
    if (this.st) this.error = new X12Error('input ends inside a transaction', at, undefined, 'SE');
    else if (this.group)
      this.error = new X12Error('input ends inside a functional group', at, undefined, 'GE');
    else if (this.interchange)
      this.error = new X12Error('input ends inside an interchange', at, undefined, 'IEA');
    else if (this.transactions === 0 && !allowEmpty)
      this.error = new X12Error(`no ${this.setId} transaction found`, at, undefined, `ST*${this.setId}`);
  }
}
