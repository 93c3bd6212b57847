import {
  CLAIM_MOVES,
  CLAIM_STATUS_WORDS,
  CLAIM_TRANSITIONS,
  type ClaimMove,
  checkClaimMove,
  claimStatusesFrom,
  nextClaimStatus,
} from './claim-status';
import { CLAIM_STATUSES, type ClaimStatus } from './vocabulary';

/** The whole table, written out: every move not listed here must be refused. */
const ALLOWED: Record<ClaimMove, string[]> = {
  download: ['prepared→downloaded'],
  edit: ['downloaded→prepared', 'rejected→prepared'],
  scrub_fail: ['prepared→scrub', 'downloaded→scrub'],
  scrub_pass: ['scrub→prepared'],
  submit: ['prepared→submitted', 'downloaded→submitted', 'rejected→submitted'],
  receive: ['submitted→received'],
  accept: ['submitted→accepted', 'received→accepted'],
  reject: ['submitted→rejected', 'received→rejected'],
  batch_reject: ['submitted→rejected'],
  era_paid: ['submitted→paid', 'received→paid', 'accepted→paid', 'denied→paid', 'deductible→paid'],
  era_denied: ['submitted→denied', 'received→denied', 'accepted→denied'],
  era_deductible: ['submitted→deductible', 'received→deductible', 'accepted→deductible'],
  void: [
    'prepared→void',
    'downloaded→void',
    'scrub→void',
    'rejected→void',
    'accepted→void',
    'paid→void',
    'denied→void',
    'deductible→void',
  ],
};

const pairs = (move: ClaimMove) => CLAIM_TRANSITIONS[move].map(([f, t]) => `${f}→${t}`);

describe('claim state machine', () => {
  it('holds exactly the documented table', () => {
    for (const move of CLAIM_MOVES) expect(pairs(move).sort()).toEqual([...ALLOWED[move]].sort());
  });

  const allowed = CLAIM_MOVES.flatMap((move) =>
    ALLOWED[move].map((p) => {
      const [from, to] = p.split('→') as [ClaimStatus, ClaimStatus];
      return [move, from, to] as [ClaimMove, ClaimStatus, ClaimStatus];
    }),
  );
  describe.each(allowed)('%s from %s', (move, from, to) => {
    it(`leads to ${to}`, () => {
      const details = move === 'void' ? { voidReason: 'duplicate' } : {};
      const check = checkClaimMove(from, move, details);
      expect(check).toMatchObject({ ok: true, to });
      expect(nextClaimStatus(from, move)).toBe(to);
    });
  });

  it('refuses every move the table does not list, naming the status and the move', () => {
    let refused = 0;
    for (const move of CLAIM_MOVES)
      for (const from of CLAIM_STATUSES) {
        if (ALLOWED[move].some((p) => p.startsWith(`${from}→`))) continue;
        const check = checkClaimMove(from, move, { voidReason: 'duplicate' });
        expect(check.ok).toBe(false);
        expect(nextClaimStatus(from, move)).toBeNull();
        refused++;
      }
    expect(refused).toBe(CLAIM_MOVES.length * CLAIM_STATUSES.length - 34);
  });

  it.each([
    ['paid', 'submit', 'A claim in status Paid cannot be submitted'],
    ['void', 'edit', 'A claim in status Void cannot be edited'],
    ['prepared', 'accept', 'A claim in status Prepared cannot be marked accepted'],
    ['scrub', 'submit', 'A claim in status Scrub cannot be submitted'],
    [
      'submitted',
      'void',
      'A claim in status Submitted cannot be voided: wait for the payer to accept or reject it',
    ],
    [
      'received',
      'void',
      'A claim in status Received cannot be voided: wait for the payer to accept or reject it',
    ],
    ['accepted', 'batch_reject', 'A claim in status Accepted cannot be rejected with its batch'],
  ] as const)('refuses %s → %s in words', (from, move, message) => {
    expect(checkClaimMove(from, move, { voidReason: 'duplicate' })).toEqual({
      ok: false,
      code: 'claim_status.move_not_allowed',
      message,
    });
  });

  it('a void is final', () => {
    expect(claimStatusesFrom('void')).toEqual([]);
  });

  it('a void needs a known reason, and a note when the reason is other', () => {
    expect(checkClaimMove('prepared', 'void')).toMatchObject({ ok: false, code: 'claim_status.void_reason' });
    expect(checkClaimMove('prepared', 'void', { voidReason: 'oops' })).toMatchObject({
      ok: false,
      code: 'claim_status.void_reason',
    });
    expect(checkClaimMove('prepared', 'void', { voidReason: 'other', voidNote: '  ' })).toMatchObject({
      ok: false,
      code: 'claim_status.void_note',
    });
    expect(checkClaimMove('prepared', 'void', { voidReason: 'other', voidNote: 'Entered twice' })).toEqual({
      ok: true,
      to: 'void',
      voidAtPayer: false,
    });
  });

  it('says when voiding must reach the payer (it has the claim)', () => {
    expect(checkClaimMove('paid', 'void', { voidReason: 'wrong_client' })).toEqual({
      ok: true,
      to: 'void',
      voidAtPayer: true,
    });
    expect(checkClaimMove('rejected', 'void', { voidReason: 'wrong_client' })).toMatchObject({
      voidAtPayer: false,
    });
  });

  it('only the adjudication statuses follow an accepted claim', () => {
    expect(claimStatusesFrom('accepted').sort()).toEqual(['deductible', 'denied', 'paid', 'void']);
  });

  it('has words for every status', () => {
    expect(Object.keys(CLAIM_STATUS_WORDS).sort()).toEqual([...CLAIM_STATUSES].sort());
  });
});
