import {
  type ClaimStatusInquiry,
  type EligibilityInquiry,
  read271,
  read277,
  summarizeCoverage,
  write270,
  write276,
} from '@claimline/x12';
import { COPAY, DEDUCTIBLE, OUT_OF_POCKET_LEFT, eligibilityPathOf } from './answer-270';
import { answerRealtime } from './realtime-server';

const now = new Date('2026-03-02T14:05:00Z');
const envelope = {
  createdAt: now,
  usage: 'T' as const,
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'SANDBOX' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'SANDBOX',
  controlNumbers: { interchange: 5, group: 5, transaction: 1 },
};

function inquiry(memberId: string, extra: Partial<EligibilityInquiry> = {}): string {
  const r = write270({
    ...envelope,
    referenceId: 'ELIG-1',
    payer: { name: 'Acme Health Plan', id: '60054' },
    provider: { entity: 'organization', name: 'Riverside Counseling', npi: '1234567893' },
    subscriber: { lastName: 'Doe', firstName: 'Jane', memberId, birthDate: '1985-04-12', gender: 'F' },
    traceNumber: 'check-1',
    originatorId: '9CLAIMLINE',
    date: '2026-03-10',
    serviceTypes: ['MH', 'A6'],
    ...extra,
  });
  expect(r.problems).toEqual([]);
  return r.x12!;
}

function coverage(memberId: string, extra: Partial<EligibilityInquiry> = {}) {
  const answer = answerRealtime(inquiry(memberId, extra), 42, now);
  expect(answer.status).toBe(200);
  const read = read271(answer.body);
  if (!read.ok) throw new Error(read.error.message);
  expect(read.findings).toEqual([]);
  const [response] = read.value;
  const member = response.members.at(-1)!;
  return { response, member, summary: summarizeCoverage(member, '2026-03-10') };
}

describe('the sandbox real-time port: 270 → 271', () => {
  it('chooses the path by the member ID prefix, whatever the case', () => {
    expect(['REJ1', 'down2', 'INA3', 'Ded4', 'COP5', 'AUTH6', 'XJ7'].map(eligibilityPathOf)).toEqual([
      'not-found',
      'payer-down',
      'inactive',
      'deductible',
      'copay',
      'auth',
      'active',
    ]);
  });

  it('answers an active plan with coinsurance in and out of network, deductible met and out-of-pocket left', () => {
    const { response, member, summary } = coverage('XJ12345678');
    expect(response.payer).toEqual({ name: 'Acme Health Plan', id: '60054' });
    expect(member.traceNumbers).toEqual(['check-1']);
    expect(member.memberId).toBe('XJ12345678');
    expect(summary.active).toBe(true);
    expect(summary.planName).toBe('SANDBOX PPO 500');
    expect(summary.coinsurance.map((c) => [c.percent, c.inNetwork])).toEqual([
      [0.2, true],
      [0.4, false],
    ]);
    expect(summary.deductibles.map((d) => [d.amount, d.remaining])).toEqual([
      [DEDUCTIBLE, false],
      [0, true],
    ]);
    expect(summary.outOfPocket.find((d) => d.remaining)?.amount).toBe(OUT_OF_POCKET_LEFT);
    expect(summary.priorAuthorizationRequired).toBe(false);
    expect(summary.rejections).toEqual([]);
  });

  it('answers DED with the whole deductible left, COP with a copay per visit, AUTH with prior authorization', () => {
    expect(coverage('DED1').summary.deductibles.find((d) => d.remaining)?.amount).toBe(DEDUCTIBLE);
    const copay = coverage('COP1').summary;
    expect(copay.copays.map((c) => [c.amount, c.period, c.inNetwork])).toEqual([[COPAY, 'Visit', true]]);
    expect(copay.messages).toContain('COPAY APPLIES PER VISIT');
    const auth = coverage('AUTH1').summary;
    expect(auth.priorAuthorizationRequired).toBe(true);
    expect(auth.messages).toContain('PRIOR AUTHORIZATION REQUIRED FOR OUTPATIENT PSYCHOTHERAPY');
  });

  it('answers INA with coverage that ended last year, REJ with AAA 75 in words', () => {
    expect(coverage('INA1').summary.active).toBe(false);
    const rejected = coverage('REJ1').summary;
    expect(rejected.active).toBeUndefined();
    expect(rejected.rejections.map((r) => [r.level, r.code])).toEqual([['subscriber', '75']]);
    expect(rejected.rejections[0]!.reason).toMatch(/not found/i);
  });

  it('answers DOWN with AAA 42 at the payer level', () => {
    const answer = answerRealtime(inquiry('DOWN1'), 43, now);
    const read = read271(answer.body);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value[0]!.rejections.map((r) => r.code)).toEqual(['42']);
    expect(read.value[0]!.members).toEqual([]);
  });

  it('puts the benefits on the dependent when the client is not the subscriber', () => {
    const { member, summary } = coverage('XJ1', {
      dependent: { lastName: 'Doe', firstName: 'Tim', birthDate: '2014-06-01', gender: 'M' },
    });
    expect([member.role, member.firstName, summary.active]).toEqual(['dependent', 'Tim', true]);
  });

  it('refuses what is not a 270 or 276, and a broken envelope', () => {
    expect(answerRealtime('hello', 1).status).toBe(400);
    const broken = inquiry('XJ1').replace('SE*13*', 'SE*99*');
    const answer = answerRealtime(broken, 1);
    expect([answer.status, answer.body]).toEqual([400, expect.stringMatching(/envelope/)]);
  });
});

describe('the sandbox real-time port: 276 → 277', () => {
  function ask(memberId: string, claimId = 'CL-1'): string {
    const input: ClaimStatusInquiry = {
      ...envelope,
      referenceId: 'STATUS-1',
      payer: { name: 'Acme Health Plan', id: '60054' },
      receiver: { name: 'Claimline', id: 'CLAIMLINE' },
      provider: { entity: 'organization', name: 'Riverside Counseling', npi: '1234567893' },
      claims: [
        {
          claimId,
          charge: 150_50,
          serviceDateFrom: '2026-02-20',
          subscriber: { lastName: 'Doe', firstName: 'Jane', memberId },
        },
      ],
    };
    const r = write276(input);
    expect(r.problems).toEqual([]);
    return r.x12!;
  }
  function status(memberId: string) {
    const answer = answerRealtime(ask(memberId), 7, now);
    expect(answer.status).toBe(200);
    const read = read277(answer.body);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.findings).toEqual([]);
    return read.value[0]!.claims[0]!;
  }

  it('says paid with the amount of the claim model, denied for DEN, not found for REJ, pending for PEND', () => {
    const paid = status('XJ1');
    expect([paid.claimId, paid.statuses[0]!.category, paid.statuses[0]!.paid]).toEqual(['CL-1', 'F1', 96_32]);
    expect(status('DEN1').statuses[0]!.category).toBe('F2');
    expect(status('REJ1').statuses[0]!.text).toMatch(/not found/);
    const pending = status('PEND1');
    expect(pending.statuses[0]!.category).toBe('P3');
    expect(pending.statuses[0]!.message).toBe('PLEASE SEND THE TREATMENT PLAN');
  });
});
