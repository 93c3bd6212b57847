import { checkEnvelopes, type Finding, read271, type Segment, tokenize } from '@claimline/x12';
import { amount, answerEnvelope, clean, d8, envelop, iso, seg } from './x12-text';

/**
 * The sandbox's eligibility rules, keyed on the member ID's prefix (any case) like its claim
 * rules (../sandbox/adjudication.ts). Amounts in cents.
 */
export type EligibilityPath =
  'not-found' | 'payer-down' | 'inactive' | 'deductible' | 'copay' | 'auth' | 'active';

export function eligibilityPathOf(memberId: string): EligibilityPath {
  const id = memberId.toUpperCase();
  if (id.startsWith('REJ')) return 'not-found';
  if (id.startsWith('DOWN')) return 'payer-down';
  if (id.startsWith('INA')) return 'inactive';
  if (id.startsWith('DED')) return 'deductible';
  if (id.startsWith('COP')) return 'copay';
  if (id.startsWith('AUTH')) return 'auth';
  return 'active';
}

/** Behavioural-health service types the sandbox answers for: mental health, psychotherapy. */
const BH = 'MH^A6';
export const PLAN_NAME = 'SANDBOX PPO 500';
export const DEDUCTIBLE = 500_00;
export const OUT_OF_POCKET = 3000_00;
export const OUT_OF_POCKET_LEFT = 2750_00;
export const COPAY = 20_00;

interface Member {
  lastName: string;
  firstName?: string;
  memberId?: string;
  birthDate?: string;
  gender?: string;
  trace?: string;
  traceOriginator?: string;
  date?: string;
}

interface Inquiry {
  bht03: string;
  payer: string[];
  provider: string[];
  subscriber: Member;
  dependent?: Member;
}

/** The inquiries of a 270 (one per subscriber HL), read with libs/x12's tokenizer. */
function readInquiries(segments: readonly Segment[]): Inquiry[] {
  const out: Inquiry[] = [];
  let bht03 = '';
  let payer: string[] = [];
  let provider: string[] = [];
  let level = '';
  let current: Inquiry | undefined;
  let member: Member | undefined;
  for (const s of segments) {
    const f = s.fields;
    if (s.id === 'BHT') bht03 = f[3] ?? '';
    else if (s.id === 'HL') {
      level = f[3] ?? '';
      if (level === '22') {
        member = { lastName: '' };
        current = { bht03, payer, provider, subscriber: member };
        out.push(current);
      } else if (level === '23' && current) {
        member = { lastName: '' };
        current.dependent = member;
      } else member = undefined;
    } else if (s.id === 'NM1') {
      if (level === '20') payer = f;
      else if (level === '21') provider = f;
      else if (member) {
        member.lastName = f[3] ?? '';
        member.firstName = f[4] || undefined;
        member.memberId = f[9] || undefined;
      }
    } else if (s.id === 'TRN' && member) {
      member.trace = f[2];
      member.traceOriginator = f[3];
    } else if (s.id === 'DMG' && member) {
      member.birthDate = f[2];
      member.gender = f[3] || undefined;
    } else if (s.id === 'DTP' && member && f[1] === '291') member.date = iso((f[3] ?? '').slice(0, 8));
  }
  return out;
}

function benefits(path: EligibilityPath, year: string): string[] {
  const plan = [seg('DTP', '346', 'D8', `${year}0101`), seg('DTP', '347', 'D8', `${year}1231`)];
  if (path === 'inactive') {
    const last = String(Number(year) - 1);
    return [
      seg('DTP', '346', 'D8', `${last}0101`),
      seg('DTP', '347', 'D8', `${last}1231`),
      seg('EB', '6', 'IND', '30', 'PR', PLAN_NAME),
      seg('MSG', 'COVERAGE ENDED ON THE PLAN END DATE'),
    ];
  }
  const auth = path === 'auth' ? 'Y' : 'N';
  const out = [...plan, seg('EB', '1', 'IND', '30', 'PR', PLAN_NAME), seg('EB', '1', 'IND', BH)];
  if (path === 'copay') {
    out.push(seg('EB', 'B', 'IND', BH, 'PR', '', '27', amount(COPAY), '', '', '', auth, 'Y'));
    out.push(seg('MSG', 'COPAY APPLIES PER VISIT'));
    out.push(seg('EB', 'A', 'IND', BH, 'PR', '', '', '', '0', '', '', auth, 'Y'));
  } else {
    out.push(seg('EB', 'A', 'IND', BH, 'PR', '', '', '', '.2', '', '', auth, 'Y'));
  }
  out.push(seg('EB', 'A', 'IND', BH, 'PR', '', '', '', '.4', '', '', auth, 'N'));
  if (path === 'auth') out.push(seg('MSG', 'PRIOR AUTHORIZATION REQUIRED FOR OUTPATIENT PSYCHOTHERAPY'));
  const left = path === 'deductible' ? DEDUCTIBLE : 0;
  out.push(
    seg('EB', 'C', 'IND', '30', 'PR', '', '23', amount(DEDUCTIBLE), '', '', '', '', 'Y'),
    seg('EB', 'C', 'IND', '30', 'PR', '', '29', amount(left), '', '', '', '', 'Y'),
    seg('EB', 'G', 'IND', '30', 'PR', '', '23', amount(OUT_OF_POCKET), '', '', '', '', 'Y'),
    seg('EB', 'G', 'IND', '30', 'PR', '', '29', amount(OUT_OF_POCKET_LEFT), '', '', '', '', 'Y'),
  );
  return out;
}

export type HttpAnswer = { status: number; contentType: string; body: string };

const problem = (status: number, body: string): HttpAnswer => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body,
});

/**
 * Answers a 270 with a 271 by the rules above; the 271 is read back with `read271` and its
 * envelope checked before it is returned (a 500 otherwise: the sandbox's own fault).
 */
export function answer270(text: string, control: number, now = new Date()): HttpAnswer {
  const { segments, error } = tokenize(text);
  if (error) return problem(400, `not X12: ${error.message}`);
  const findings: Finding[] = [];
  checkEnvelopes(segments, findings);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) return problem(400, `the 270's envelope is broken: ${errors[0]!.message}`);
  const env = answerEnvelope(segments);
  const inquiries = readInquiries(segments);
  if (!env || inquiries.length === 0)
    return problem(400, 'a 270 with at least one subscriber (HL 22) is expected');

  const body: string[] = [
    seg(
      'BHT',
      '0022',
      '11',
      clean(inquiries[0]!.bht03) || 'SANDBOX',
      d8(now.toISOString().slice(0, 10)),
      now.toISOString().slice(11, 16).replace(':', ''),
    ),
  ];
  let hl = 0;
  // One payer / provider level per inquiry keeps each answer's HL links simple.
  for (const q of inquiries) {
    const member = q.dependent ?? q.subscriber;
    const path = eligibilityPathOf(q.subscriber.memberId ?? '');
    const payerHl = ++hl;
    body.push(seg('HL', payerHl, '', '20', '1'));
    body.push(
      seg(
        'NM1',
        'PR',
        '2',
        clean(q.payer[3]) || 'SANDBOX PAYER',
        '',
        '',
        '',
        '',
        'PI',
        clean(q.payer[9]) || 'SANDBOX',
      ),
    );
    if (path === 'payer-down') {
      body.push(seg('AAA', 'Y', '', '42', 'R'));
      continue;
    }
    const providerHl = ++hl;
    body.push(seg('HL', providerHl, payerHl, '21', '1'));
    body.push(
      seg(
        'NM1',
        '1P',
        q.provider[2] || '2',
        clean(q.provider[3]),
        clean(q.provider[4]),
        '',
        '',
        '',
        'XX',
        clean(q.provider[9]),
      ),
    );
    const subscriberHl = ++hl;
    body.push(seg('HL', subscriberHl, providerHl, '22', q.dependent ? '1' : '0'));
    const asked = member.date ?? now.toISOString().slice(0, 10);
    const memberSegments = (m: Member, entity: 'IL' | '03', own: boolean): string[] => {
      const out: string[] = [];
      if (m.trace) out.push(seg('TRN', '2', clean(m.trace), clean(m.traceOriginator) || '9SANDBOXCH'));
      out.push(
        entity === 'IL'
          ? seg('NM1', 'IL', '1', clean(m.lastName), clean(m.firstName), '', '', '', 'MI', clean(m.memberId))
          : seg('NM1', '03', '1', clean(m.lastName), clean(m.firstName)),
      );
      if (path === 'not-found' && own) {
        out.push(seg('AAA', 'Y', '', '75', 'C'));
        return out;
      }
      if (m.birthDate) out.push(seg('DMG', 'D8', clean(m.birthDate), clean(m.gender)));
      if (own) out.push(...benefits(path, asked.slice(0, 4)));
      return out;
    };
    body.push(...memberSegments(q.subscriber, 'IL', !q.dependent));
    if (q.dependent) {
      body.push(seg('HL', ++hl, subscriberHl, '23', '0'));
      body.push(...memberSegments(q.dependent, '03', true));
    }
  }
  const x12 = envelop(env, 'HB', '271', '005010X279A1', control, now, body);
  const back = read271(x12);
  const own: Finding[] = [];
  checkEnvelopes(tokenize(x12).segments, own);
  if (!back.ok || back.findings.length || own.length)
    return problem(
      500,
      `the sandbox wrote a 271 it cannot read back: ${back.ok ? (back.findings[0] ?? own[0])?.message : back.error.message}`,
    );
  return { status: 200, contentType: 'application/edi-x12', body: x12 };
}
