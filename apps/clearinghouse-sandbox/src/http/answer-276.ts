import { checkEnvelopes, type Finding, parseCents, read277, type Segment, tokenize } from '@claimline/x12';
import { adjudicate, pathOf } from '../sandbox/adjudication';
import type { HttpAnswer } from './answer-270';
import { amount, answerEnvelope, clean, d8, envelop, seg } from './x12-text';

interface StatusQuestion {
  memberId: string;
  subscriber: string[];
  patient?: string[];
  trace?: string;
  claimId?: string;
  payerClaimNumber?: string;
  charge: number;
  serviceDates?: string;
}

/** What the sandbox says about a claim: the claim's member-ID path (../sandbox/adjudication.ts) or `PEND`. */
export function claimStatusOf(
  memberId: string,
  charge: number,
): { stc: string; paid: number; message?: string } {
  if (memberId.toUpperCase().startsWith('PEND'))
    return { stc: 'P3:21', paid: 0, message: 'PLEASE SEND THE TREATMENT PLAN' };
  const path = pathOf(memberId);
  if (path === 'rejected') return { stc: 'A4:35', paid: 0 };
  if (path === 'denied') return { stc: 'F2:1', paid: 0 };
  // The 276 gives the claim's total only: adjudicated as one line of that charge.
  return { stc: 'F1:65', paid: adjudicate(memberId, [{ charge }]).paid };
}

function readQuestions(segments: readonly Segment[]) {
  let bht03 = '';
  const parties: Record<string, string[]> = {};
  const claims: StatusQuestion[] = [];
  let level = '';
  let q: StatusQuestion | undefined;
  for (const s of segments) {
    const f = s.fields;
    switch (s.id) {
      case 'BHT':
        bht03 = f[3] ?? '';
        break;
      case 'HL':
        level = f[3] ?? '';
        if (level === '22') {
          q = { memberId: '', subscriber: [], charge: 0 };
          claims.push(q);
        }
        break;
      case 'NM1':
        if (level === '20' || level === '21' || level === '19') parties[level] = f;
        else if (q && f[1] === 'IL') {
          q.subscriber = f;
          q.memberId = f[9] ?? '';
        } else if (q && f[1] === 'QC') q.patient = f;
        break;
      case 'TRN':
        if (q) q.trace = f[2];
        break;
      case 'REF':
        if (q && f[1] === 'EJ') q.claimId = f[2];
        if (q && f[1] === '1K') q.payerClaimNumber = f[2];
        break;
      case 'AMT':
        if (q && f[1] === 'T3') q.charge = parseCents(f[2] ?? '') ?? 0;
        break;
      case 'DTP':
        if (q && f[1] === '472') q.serviceDates = f[3];
        break;
    }
  }
  return { bht03, parties, claims };
}

/**
 * Answers a 276 with a 277 (005010X212): per claim its status by the rules above, read back with
 * `read277` and its envelope checked before it is returned.
 */
export function answer276(text: string, control: number, now = new Date()): HttpAnswer {
  const problem = (status: number, body: string): HttpAnswer => ({
    status,
    contentType: 'text/plain; charset=utf-8',
    body,
  });
  const { segments, error } = tokenize(text);
  if (error) return problem(400, `not X12: ${error.message}`);
  const findings: Finding[] = [];
  checkEnvelopes(segments, findings);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return problem(400, `the 276's envelope is broken: ${errors[0]!.message}`);
  const env = answerEnvelope(segments);
  const { bht03, parties, claims } = readQuestions(segments);
  const [payer, receiver, provider] = [parties['20'], parties['21'], parties['19']];
  if (!env || !payer || !receiver || !provider || claims.length === 0)
    return problem(400, 'a 276 with a payer, a receiver, a provider and at least one claim is expected');
  const today = d8(now.toISOString().slice(0, 10));
  const body = [
    seg(
      'BHT',
      '0010',
      '08',
      clean(bht03) || 'SANDBOX',
      today,
      now.toISOString().slice(11, 16).replace(':', ''),
      'DG',
    ),
    seg('HL', 1, '', '20', '1'),
    seg('NM1', 'PR', '2', clean(payer[3]), '', '', '', '', 'PI', clean(payer[9])),
    seg('HL', 2, 1, '21', '1'),
    seg('NM1', '41', '2', clean(receiver[3]), '', '', '', '', '46', clean(receiver[9])),
    seg('HL', 3, 2, '19', '1'),
    seg(
      'NM1',
      '1P',
      provider[2] || '2',
      clean(provider[3]),
      clean(provider[4]),
      '',
      '',
      '',
      'XX',
      clean(provider[9]),
    ),
  ];
  let hl = 3;
  claims.forEach((q, i) => {
    const subscriberHl = ++hl;
    body.push(seg('HL', subscriberHl, 3, '22', q.patient ? '1' : '0'));
    body.push(
      seg(
        'NM1',
        'IL',
        '1',
        clean(q.subscriber[3]),
        clean(q.subscriber[4]),
        '',
        '',
        '',
        'MI',
        clean(q.memberId),
      ),
    );
    if (q.patient) {
      body.push(seg('HL', ++hl, subscriberHl, '23'));
      body.push(seg('NM1', 'QC', '1', clean(q.patient[3]), clean(q.patient[4])));
    }
    const status = claimStatusOf(q.memberId, q.charge);
    const finalized = status.stc.startsWith('F');
    body.push(seg('TRN', '2', clean(q.trace ?? q.claimId)));
    body.push(
      seg(
        'STC',
        status.stc,
        today,
        '',
        amount(q.charge),
        amount(status.paid),
        finalized ? today : '',
        status.paid > 0 ? 'CHK' : '',
        status.paid > 0 ? today : '',
        status.paid > 0 ? `SBXCHK${control}${i + 1}` : '',
        '',
        '',
        status.message,
      ),
    );
    if (status.stc !== 'A4:35')
      body.push(seg('REF', '1K', clean(q.payerClaimNumber) || `SBX${control}${i + 1}`));
    if (q.claimId) body.push(seg('REF', 'EJ', clean(q.claimId)));
    if (q.serviceDates)
      body.push(seg('DTP', '472', q.serviceDates.includes('-') ? 'RD8' : 'D8', clean(q.serviceDates)));
  });
  const x12 = envelop(env, 'HN', '277', '005010X212', control, now, body);
  const back = read277(x12);
  const own: Finding[] = [];
  checkEnvelopes(tokenize(x12).segments, own);
  if (!back.ok || back.findings.length || own.length)
    return problem(
      500,
      `the sandbox wrote a 277 it cannot read back: ${back.ok ? (back.findings[0] ?? own[0])?.message : back.error.message}`,
    );
  return { status: 200, contentType: 'application/edi-x12', body: x12 };
}
