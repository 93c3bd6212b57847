import { parseLineControlNumber, parsePatientControlNumber } from '@claimline/claims';
import type { ClaimMove } from '@claimline/domain';
import { CROSSOVER_CLAIM_STATUSES } from '@claimline/reference-data';
import type {
  Adjustment,
  ProviderAdjustment,
  Remittance,
  RemitClaim,
  RemitLine,
  RemittanceHeader,
  StreamEvent835,
} from '@claimline/x12';
import { X12Error } from '@claimline/x12';
import type {
  AdjustmentKind,
  BalanceProblem,
  ClaimPosting,
  ClaimRef,
  ClaimResult,
  ClaimResultStatus,
  ClassifiedAdjustment,
  ClientShare,
  KnownClaim,
  KnownClaimLine,
  LinePosting,
  PaymentAdjustment,
  PlanOptions,
  PostingFlag,
  PostingPorts,
  PriorPosting,
  TransactionPlan,
  UnmatchedClaim,
} from './posting-model';

/**
 * The duplicate key of a payment (one 835 transaction): payer + TRN02 (check or EFT trace number)
 * + BPR02 + payment date. The payer is TRN03 (1 + its EIN), else N1*PR's id, else its name: the
 * same ERA, or the same transaction inside another file, gets the same key.
 */
export function transactionKey(header: RemittanceHeader): string {
  const p = header.payment;
  const payer = p.payerIdentifier || header.payer.id || header.payer.name;
  return [payer, p.traceNumber ?? '', String(p.amount), p.date ?? ''].join('|');
}

const PR_KIND: Readonly<Record<string, AdjustmentKind>> = {
  '1': 'deductible',
  '2': 'coinsurance',
  '3': 'copay',
};

export function classifyAdjustment(a: Adjustment): ClassifiedAdjustment {
  let kind: AdjustmentKind;
  if (a.group === 'CO') kind = 'write_off';
  else if (a.group === 'PR') kind = PR_KIND[a.reason] ?? 'client_other';
  else if (a.group === 'PI') kind = 'payer_reduction';
  else kind = 'other';
  const out: ClassifiedAdjustment = { group: a.group, reason: a.reason, amount: a.amount, kind };
  return a.quantity === undefined ? out : { ...out, quantity: a.quantity };
}

interface Split {
  share: ClientShare;
  writeOff: number;
  other: number;
  classified: ClassifiedAdjustment[];
}

function split(adjs: readonly Adjustment[]): Split {
  let deductible = 0;
  let coinsurance = 0;
  let copay = 0;
  let clientOther = 0;
  let writeOff = 0;
  let other = 0;
  const classified = adjs.map(classifyAdjustment);
  for (const a of classified) {
    if (a.kind === 'deductible') deductible += a.amount;
    else if (a.kind === 'coinsurance') coinsurance += a.amount;
    else if (a.kind === 'copay') copay += a.amount;
    else if (a.kind === 'client_other') clientOther += a.amount;
    else if (a.kind === 'write_off') writeOff += a.amount;
    else other += a.amount;
  }
  const share = {
    deductible,
    coinsurance,
    copay,
    other: clientOther,
    total: deductible + coinsurance + copay + clientOther,
  };
  return { share, writeOff, other, classified };
}

function addShares(a: ClientShare, b: ClientShare): ClientShare {
  return {
    deductible: a.deductible + b.deductible,
    coinsurance: a.coinsurance + b.coinsurance,
    copay: a.copay + b.copay,
    other: a.other + b.other,
    total: a.total + b.total,
  };
}

const sumAdj = (adjs: readonly Adjustment[]) => adjs.reduce((s, a) => s + a.amount, 0);

function plbKind(code: string): PaymentAdjustment['kind'] {
  if (code === 'L6') return 'interest';
  if (code === 'WO' || code === 'WU') return 'recoupment';
  if (code === '72') return 'refund';
  if (code === 'FB') return 'forward_balance';
  return 'other';
}

const money = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};

/** What the planner keeps per claim touched in a transaction. */
interface ClaimState {
  claim: KnownClaim;
  /** Earlier postings by id, and whether this transaction reversed them. */
  prior: PriorPosting[];
  reversedNow: Set<string>;
  /** This transaction's postings on the claim, kept small: the plan may not keep them. */
  fresh: FreshPosting[];
}

interface FreshPosting {
  readonly summary: PriorPosting;
  readonly kind: ClaimPosting['kind'];
  readonly crossover: boolean;
  readonly flags: readonly PostingFlag[];
}

/**
 * Plans the posting of one 835 transaction, claim by claim, so a remittance of any size can be
 * streamed through it: claims wait in a batch until `batchSize` of them can be looked up at once.
 * Nothing is written anywhere: the plan says what to post, and why a transaction is held or skipped.
 */
export class TransactionPlanner {
  private readonly key: string;
  private readonly batchSize: number;
  private readonly writeOffShareLimit: number;
  private pending: RemitClaim[] = [];
  private clpIndex = 0;
  private paidSum = 0;
  private claimCount = 0;
  private readonly balance: BalanceProblem[] = [];
  private readonly postings: ClaimPosting[] = [];
  private readonly unmatched: UnmatchedClaim[] = [];
  private postingCount = 0;
  private unmatchedCount = 0;
  /** Σ paid of postings and unmatched claims. */
  private plannedPaid = 0;
  private readonly states = new Map<string, ClaimState>();
  private readonly duplicate: boolean;
  private readonly onPlanned: PlanOptions['onPlanned'];

  private constructor(
    private readonly header: RemittanceHeader,
    private readonly ports: PostingPorts,
    duplicate: boolean,
    options: PlanOptions,
  ) {
    this.key = transactionKey(header);
    this.duplicate = duplicate;
    this.batchSize = options.batchSize ?? 500;
    this.writeOffShareLimit = options.writeOffShareLimit ?? 0.75;
    this.onPlanned = options.onPlanned;
  }

  /** Starts a transaction; `seenKeys` holds the keys of transactions already met in the same file. */
  static async start(
    header: RemittanceHeader,
    ports: PostingPorts,
    seenKeys: Set<string>,
    options: PlanOptions = {},
  ): Promise<TransactionPlanner> {
    const key = transactionKey(header);
    const duplicate = seenKeys.has(key) || (await ports.isKnownTransaction(key));
    seenKeys.add(key);
    return new TransactionPlanner(header, ports, duplicate, options);
  }

  async claim(c: RemitClaim): Promise<void> {
    this.claimCount++;
    this.paidSum += c.paid;
    this.checkClaimBalance(c);
    if (this.duplicate) return;
    this.pending.push(c);
    if (this.pending.length >= this.batchSize) await this.flush();
  }

  private checkClaimBalance(c: RemitClaim): void {
    let adjusted = sumAdj(c.adjustments);
    for (const l of c.lines) {
      const lineAdj = sumAdj(l.adjustments);
      adjusted += lineAdj;
      if (l.charge - l.paid !== lineAdj)
        this.balance.push({
          level: 'line',
          controlNumber: c.claimId,
          code: l.procedure.code,
          message: `claim ${c.claimId} line ${l.procedure.code}: charge ${money(l.charge)} − paid ${money(l.paid)} ≠ adjustments ${money(lineAdj)}`,
        });
    }
    if (c.charge - c.paid !== adjusted)
      this.balance.push({
        level: 'claim',
        controlNumber: c.claimId,
        message: `claim ${c.claimId}: charge ${money(c.charge)} − paid ${money(c.paid)} ≠ adjustments ${money(adjusted)}`,
      });
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const refs = new Map<string, ClaimRef>();
    for (const c of batch) {
      if (refs.has(c.claimId) || this.states.has(c.claimId)) continue;
      const parsed = parsePatientControlNumber(c.claimId);
      refs.set(c.claimId, parsed ? { controlNumber: c.claimId, ...parsed } : { controlNumber: c.claimId });
    }
    const found = refs.size ? await this.ports.findClaims([...refs.values()]) : new Map<string, KnownClaim>();
    const postings: ClaimPosting[] = [];
    const unmatched: UnmatchedClaim[] = [];
    for (const c of batch) {
      this.plannedPaid += c.paid;
      const n = ++this.clpIndex;
      const postingKey = `${this.key}#${n}`;
      let state = this.states.get(c.claimId);
      if (!state) {
        const claim = found.get(c.claimId);
        if (claim) {
          state = { claim, prior: [...claim.postings], reversedNow: new Set(), fresh: [] };
          this.states.set(c.claimId, state);
        }
      }
      if (!state) {
        unmatched.push(this.unmatchedClaim(c, postingKey));
        continue;
      }
      const posting = this.post(c, postingKey, state);
      state.fresh.push({
        summary: priorPostingOf(posting, this.key),
        kind: posting.kind,
        crossover: posting.crossover,
        flags: posting.flags,
      });
      postings.push(posting);
    }
    this.postingCount += postings.length;
    this.unmatchedCount += unmatched.length;
    if (this.onPlanned) await this.onPlanned(postings, unmatched);
    else {
      for (const p of postings) this.postings.push(p);
      for (const u of unmatched) this.unmatched.push(u);
    }
  }

  private unmatchedClaim(c: RemitClaim, postingKey: string): UnmatchedClaim {
    const pr = c.adjustments.concat(c.lines.flatMap((l) => l.adjustments));
    const firstLine = c.lines.find((l) => l.serviceDate ?? l.serviceDateFrom);
    const u: UnmatchedClaim = {
      postingKey,
      reason: parsePatientControlNumber(c.claimId) ? 'claim_not_found' : 'not_our_control_number',
      controlNumber: c.claimId,
      payerClaimNumber: c.payerClaimNumber,
      statusCode: c.statusCode,
      charge: c.charge,
      paid: c.paid,
      clientResponsibility: pr.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amount, 0),
      serviceDateFrom: c.statementFrom ?? firstLine?.serviceDate ?? firstLine?.serviceDateFrom,
      lineCount: c.lines.length,
    };
    return c.patient ? { ...u, patient: c.patient } : u;
  }

  private post(c: RemitClaim, postingKey: string, state: ClaimState): ClaimPosting {
    const flags: PostingFlag[] = [];
    const reversal = c.statusCode === '22';
    const crossover = CROSSOVER_CLAIM_STATUSES.includes(c.statusCode) || !!c.crossoverCarrier;
    if (crossover)
      flags.push({
        code: 'crossover',
        message: `The payer sent claim ${c.claimId} on to ${c.crossoverCarrier?.lastName || 'the next payer'} (${
          c.crossoverCarrier ? 'NM1*TT' : `CLP02 ${c.statusCode}`
        }): do not create a secondary claim`,
      });
    const lines = this.matchLines(c, state.claim, flags);
    const claimLevel = split(c.adjustments);
    let share = claimLevel.share;
    let writeOff = claimLevel.writeOff;
    let other = claimLevel.other;
    for (const l of lines) {
      share = addShares(share, l.clientResponsibility);
      writeOff += l.writeOff;
      other += l.otherAdjustments;
    }
    let reverses: string | undefined;
    if (reversal) {
      const target = this.findReversed(c, state);
      if (target) {
        reverses = target;
        state.reversedNow.add(target);
      } else
        flags.push({
          code: 'reversal_without_original',
          message: `Reversal of payer claim ${c.payerClaimNumber} for ${money(-c.paid)}: no posting in force matches it`,
        });
    } else {
      const twin = this.inForce(state).find(
        (p) => p.payerClaimNumber === c.payerClaimNumber && p.paid === c.paid && p.charge === c.charge,
      );
      if (twin && c.paid !== 0)
        flags.push({
          code: 'duplicate_payment',
          message: `Payer claim ${c.payerClaimNumber} paid ${money(c.paid)} again (already posted as ${twin.id})`,
        });
    }
    const posting: ClaimPosting = {
      postingKey,
      kind: reversal ? 'reversal' : 'payment',
      claimId: state.claim.claimId,
      clientId: state.claim.clientId,
      controlNumber: c.claimId,
      payerClaimNumber: c.payerClaimNumber,
      statusCode: c.statusCode,
      crossover,
      charge: c.charge,
      paid: c.paid,
      reportedPatientResponsibility: c.patientResponsibility,
      clientResponsibility: share,
      writeOff,
      otherAdjustments: other,
      claimAdjustments: claimLevel.classified,
      lines,
      flags,
    };
    return reverses ? { ...posting, reverses } : posting;
  }

  /** Postings in force on the claim: earlier ones not reversed, then this transaction's payments. */
  private inForce(
    state: ClaimState,
  ): { id: string; payerClaimNumber: string; paid: number; charge: number }[] {
    const out: { id: string; payerClaimNumber: string; paid: number; charge: number }[] = [];
    for (const p of state.prior)
      if (!p.reversed && !state.reversedNow.has(p.postingId))
        out.push({ id: p.postingId, payerClaimNumber: p.payerClaimNumber, paid: p.paid, charge: p.charge });
    for (const { kind, summary: p } of state.fresh)
      if (kind === 'payment' && !state.reversedNow.has(p.postingId))
        out.push({ id: p.postingId, payerClaimNumber: p.payerClaimNumber, paid: p.paid, charge: p.charge });
    return out;
  }

  /** The posting a reversal undoes: same payer claim number and the opposite amount, else the same number alone. */
  private findReversed(c: RemitClaim, state: ClaimState): string | undefined {
    const live = this.inForce(state);
    const exact = live.find((p) => p.payerClaimNumber === c.payerClaimNumber && p.paid === -c.paid);
    if (exact) return exact.id;
    const sameNumber = live.filter((p) => p.payerClaimNumber === c.payerClaimNumber);
    return sameNumber.length === 1 ? sameNumber[0].id : undefined;
  }

  /** SVC → our line: REF*6R first, then code + modifiers + date; modifiers the payer dropped are flagged. */
  private matchLines(c: RemitClaim, claim: KnownClaim, flags: PostingFlag[]): LinePosting[] {
    const used = new Set<string>();
    return c.lines.map((l) => {
      const date = l.serviceDate ?? l.serviceDateFrom ?? c.statementFrom;
      let line: KnownClaimLine | undefined;
      let matchedBy: LinePosting['matchedBy'] = 'none';
      if (l.lineControlNumber) line = byLineControlNumber(claim, l.lineControlNumber, used);
      if (line) matchedBy = 'line_control_number';
      else {
        const submitted = l.originalProcedure ?? l.procedure;
        const candidates = claim.lines.filter(
          (x) => !used.has(x.lineId) && x.code === submitted.code && (!date || x.serviceDate === date),
        );
        line = candidates.find((x) => sameModifiers(x.modifiers, submitted.modifiers));
        if (line) matchedBy = 'code_and_date';
        else {
          line = candidates.find((x) => submitted.modifiers.every((m) => x.modifiers.includes(m)));
          if (line) {
            matchedBy = 'modifiers_dropped';
            flags.push({
              code: 'modifiers_dropped',
              message: `Line ${submitted.code} of ${date ?? 'no date'}: the payer returned modifiers [${submitted.modifiers.join(', ')}] for [${line.modifiers.join(', ')}]; matched on code and date`,
            });
          }
        }
      }
      if (line) used.add(line.lineId);
      else
        flags.push({
          code: 'line_unmatched',
          message: `Line ${l.procedure.code} of ${date ?? 'no date'} (${money(l.charge)}) matches no line of the claim`,
        });
      return linePosting(l, line, matchedBy, date);
    });
  }

  /** Ends the transaction: PLB, BPR balance, claim results. */
  async end(providerAdjustments: readonly ProviderAdjustment[]): Promise<TransactionPlan> {
    await this.flush();
    const payment = this.header.payment.amount;
    const plb = providerAdjustments.reduce((s, a) => s + a.amount, 0);
    const expected = this.paidSum - plb;
    const balance = [...this.balance];
    if (payment !== expected)
      balance.unshift({
        level: 'transaction',
        message: `payment ${money(payment)} (BPR02) ≠ claims paid ${money(this.paidSum)} − provider adjustments ${money(plb)} = ${money(expected)}`,
      });
    const why: string[] = [];
    let status: TransactionPlan['status'] = 'post';
    if (this.duplicate) {
      status = 'duplicate';
      why.push(
        `This payment (trace number ${this.header.payment.traceNumber ?? '—'}, ${money(payment)}, ${this.header.payment.date ?? 'no date'}) was already imported`,
      );
    } else if (balance.length) {
      status = 'held';
      why.push(...balance.map((b) => b.message));
    }
    const paymentAdjustments: PaymentAdjustment[] = providerAdjustments.map((a) => {
      const p: PaymentAdjustment = {
        providerId: a.providerId,
        reasonCode: a.reasonCode,
        amount: a.amount,
        kind: plbKind(a.reasonCode),
      };
      return a.reference ? { ...p, reference: a.reference } : p;
    });
    const accounted = this.plannedPaid - plb;
    return {
      header: this.header,
      transactionKey: this.key,
      status,
      why,
      paymentAmount: payment,
      claimCount: this.claimCount,
      postings: this.postings,
      unmatched: this.unmatched,
      postingCount: this.postingCount,
      unmatchedCount: this.unmatchedCount,
      paymentAdjustments,
      results: this.duplicate ? [] : [...this.states.values()].map((s) => this.result(s)),
      balance,
      accountedAmount: this.duplicate ? this.paidSum - plb : accounted,
    };
  }

  private result(state: ClaimState): ClaimResult {
    const claim = state.claim;
    let paid = 0;
    let client = 0;
    let deductible = 0;
    let writeOff = 0;
    let other = 0;
    let crossover = false;
    let denied = false;
    const ids: string[] = [];
    const coveredLines = new Set<string>();
    for (const p of state.prior) {
      if (p.reversed || state.reversedNow.has(p.postingId)) continue;
      ids.push(p.postingId);
      paid += p.paid;
      client += p.clientResponsibility;
      deductible += p.deductible;
      writeOff += p.writeOff;
      other += p.otherAdjustments;
      for (const id of p.lineIds) coveredLines.add(id);
      if (CROSSOVER_CLAIM_STATUSES.includes(p.statusCode)) crossover = true;
      if (p.statusCode === '4') denied = true;
    }
    const flags: PostingFlag[] = [];
    for (const f of state.fresh) {
      for (const flag of f.flags) if (flag.code !== 'crossover') flags.push(flag);
      const p = f.summary;
      if (f.kind !== 'payment' || state.reversedNow.has(p.postingId)) continue;
      ids.push(p.postingId);
      paid += p.paid;
      client += p.clientResponsibility;
      deductible += p.deductible;
      writeOff += p.writeOff;
      other += p.otherAdjustments;
      for (const id of p.lineIds) coveredLines.add(id);
      if (f.crossover) crossover = true;
      if (p.statusCode === '4') denied = true;
    }
    const accounted = paid + client + writeOff + other;
    const open = claim.charge - accounted;
    let status: ClaimResultStatus;
    if (!ids.length) status = 'reversed';
    else if (open > 0) status = 'partly_paid';
    else if (paid === 0 && (denied || client === 0)) status = 'denied';
    else if (paid === 0 && client > 0 && client === deductible) status = 'deductible';
    else status = 'paid';
    const move: ClaimMove | null =
      status === 'paid'
        ? 'era_paid'
        : status === 'denied'
          ? 'era_denied'
          : status === 'deductible'
            ? 'era_deductible'
            : null;
    if (status === 'partly_paid') {
      const missing = claim.lines.filter((l) => !coveredLines.has(l.lineId));
      flags.push({
        code: 'payment_missing',
        message: missing.length
          ? `${money(open)} of the claim is not accounted for; no payment yet for ${missing.map((l) => `${l.code} of ${l.serviceDate}`).join(', ')}`
          : `${money(open)} of the claim is not accounted for by the payments in force`,
      });
    }
    if (open < 0)
      flags.push({
        code: 'over_accounted',
        message: `Paid, client responsibility and adjustments exceed the claim total by ${money(-open)}`,
      });
    if (
      writeOff > 0 &&
      (open < 0 || (status === 'paid' && writeOff > claim.charge * this.writeOffShareLimit))
    )
      flags.push({
        code: 'write_off_too_high',
        message: `Write-off ${money(writeOff)} is ${open < 0 ? 'more than the claim leaves to write off' : `over ${Math.round(this.writeOffShareLimit * 100)}% of the charge ${money(claim.charge)}`}`,
      });
    return {
      claimId: claim.claimId,
      clientId: claim.clientId,
      status,
      move,
      charge: claim.charge,
      paid,
      clientResponsibility: client,
      deductible,
      writeOff,
      otherAdjustments: other,
      open,
      postingsInForce: ids,
      crossover,
      flags,
    };
  }
}

/**
 * Our line with this REF*6R: the same text, else (an ERA for an earlier submission of a
 * resubmitted claim) the same claim sequence and line number under another resubmission suffix.
 */
function byLineControlNumber(claim: KnownClaim, ref: string, used: Set<string>): KnownClaimLine | undefined {
  const exact = claim.lines.find((x) => x.lineControlNumber === ref && !used.has(x.lineId));
  if (exact) return exact;
  const sent = parseLineControlNumber(ref);
  if (!sent) return undefined;
  return claim.lines.find((x) => {
    if (used.has(x.lineId) || !x.lineControlNumber) return false;
    const ours = parseLineControlNumber(x.lineControlNumber);
    return ours !== undefined && ours.sequence === sent.sequence && ours.lineNumber === sent.lineNumber;
  });
}

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((m) => b.includes(m));
}

function linePosting(
  l: RemitLine,
  line: KnownClaimLine | undefined,
  matchedBy: LinePosting['matchedBy'],
  date: string | undefined,
): LinePosting {
  const s = split(l.adjustments);
  return {
    lineId: line?.lineId,
    matchedBy,
    code: l.procedure.code,
    modifiers: l.procedure.modifiers,
    serviceDate: date,
    lineControlNumber: l.lineControlNumber,
    units: l.units,
    charge: l.charge,
    allowed: l.allowed ?? l.paid + s.share.total,
    paid: l.paid,
    clientResponsibility: s.share,
    writeOff: s.writeOff,
    otherAdjustments: s.other,
    adjustments: s.classified,
    remarkCodes: l.remarkCodes,
  };
}

function lineIdsOf(p: ClaimPosting): string[] {
  const ids: string[] = [];
  for (const l of p.lines) if (l.lineId) ids.push(l.lineId);
  return ids;
}

/** What the caller stores of a posting, in the shape `KnownClaim.postings` gives it back. */
export function priorPostingOf(p: ClaimPosting, transactionKey: string, reversed = false): PriorPosting {
  return {
    postingId: p.postingKey,
    transactionKey,
    payerClaimNumber: p.payerClaimNumber,
    statusCode: p.statusCode,
    charge: p.charge,
    paid: p.paid,
    clientResponsibility: p.clientResponsibility.total,
    deductible: p.clientResponsibility.deductible,
    writeOff: p.writeOff,
    otherAdjustments: p.otherAdjustments,
    lineIds: lineIdsOf(p),
    reversed,
  };
}

export interface EraPlan {
  readonly transactions: readonly TransactionPlan[];
}

/** Plans every transaction `read835` returned (files up to its size limit). */
export async function planRemittances(
  remittances: readonly Remittance[],
  ports: PostingPorts,
  options: PlanOptions = {},
): Promise<EraPlan> {
  const seen = new Set<string>();
  const transactions: TransactionPlan[] = [];
  for (const r of remittances) {
    const header: RemittanceHeader = {
      envelope: r.envelope,
      payment: r.payment,
      payer: r.payer,
      payee: r.payee,
      ...(r.productionDate ? { productionDate: r.productionDate } : {}),
    };
    const planner = await TransactionPlanner.start(header, ports, seen, options);
    for (const c of r.claims) await planner.claim(c);
    transactions.push(await planner.end(r.providerAdjustments));
  }
  return { transactions };
}

/**
 * Plans an 835 of any size from `stream835`'s events: claims are planned in batches as they
 * arrive and the remittance itself is never kept whole. A reader error ends with that error.
 */
export async function planRemittanceStream(
  events: AsyncIterable<StreamEvent835>,
  ports: PostingPorts,
  options: PlanOptions = {},
): Promise<{ ok: true; plan: EraPlan; findingCount: number } | { ok: false; error: X12Error }> {
  const seen = new Set<string>();
  const transactions: TransactionPlan[] = [];
  let planner: TransactionPlanner | undefined;
  let findingCount = 0;
  for await (const e of events) {
    switch (e.kind) {
      case 'header':
        planner = await TransactionPlanner.start(e.header, ports, seen, options);
        break;
      case 'claim':
        if (!planner) return { ok: false, error: new X12Error('a claim came before its transaction header') };
        await planner.claim(e.claim);
        break;
      case 'end':
        if (planner) transactions.push(await planner.end(e.providerAdjustments));
        planner = undefined;
        break;
      case 'finding':
        findingCount++;
        break;
      case 'error':
        return { ok: false, error: e.error };
    }
  }
  return { ok: true, plan: { transactions }, findingCount };
}
