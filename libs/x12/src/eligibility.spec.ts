import { read271, summarizeCoverage } from './read-271';
import { tokenize } from './tokenizer';
import { checkEnvelopes } from './validator';
import { type EligibilityInquiry, write270 } from './write-270';
import type { Finding } from './errors';

const inquiry: EligibilityInquiry = {
  createdAt: new Date('2026-03-02T14:05:00Z'),
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'CLEARINGHSE',
  controlNumbers: { interchange: 77, group: 77, transaction: 1 },
  referenceId: 'ELIG-1',
  payer: { name: 'Acme Health Plan', id: '60054' },
  provider: { entity: 'organization', name: 'Riverside Counseling, LLC', npi: '1234567893' },
  subscriber: {
    lastName: 'Doe',
    firstName: 'Jane',
    memberId: 'XJ12345678',
    birthDate: '1985-04-12',
    gender: 'F',
  },
  traceNumber: 'pol-42/2026-03-02',
  originatorId: '9CLAIMLINE',
  date: '2026-03-10',
  serviceTypes: ['MH', 'A6'],
};

describe('write270', () => {
  it('writes a 270 for a subscriber who is the client, with several service types in EQ01', () => {
    const r = write270(inquiry);
    expect(r.problems).toEqual([]);
    const body = r.x12!.split('~').slice(2, -3);
    expect(body).toEqual([
      'ST*270*0001*005010X279A1',
      'BHT*0022*13*ELIG-1*20260302*1405',
      'HL*1**20*1',
      'NM1*PR*2*Acme Health Plan*****PI*60054',
      'HL*2*1*21*1',
      'NM1*1P*2*Riverside Counseling, LLC*****XX*1234567893',
      'HL*3*2*22*0',
      'TRN*1*pol-42/2026-03-02*9CLAIMLINE',
      'NM1*IL*1*Doe*Jane****MI*XJ12345678',
      'DMG*D8*19850412*F',
      'DTP*291*D8*20260310',
      'EQ*MH^A6',
      'SE*13*0001',
    ]);
    const findings: Finding[] = [];
    checkEnvelopes(tokenize(r.x12!).segments, findings);
    expect(findings).toEqual([]);
  });

  it('puts the client in 2000D when a dependent, with a date range', () => {
    const r = write270({
      ...inquiry,
      dependent: { lastName: 'Doe', firstName: 'Tim', birthDate: '2014-06-01', gender: 'M' },
      date: { from: '2026-03-01', to: '2026-03-31' },
    });
    const ids = tokenize(r.x12!).segments.map((s) => s.raw);
    expect(ids).toEqual(
      expect.arrayContaining([
        'HL*3*2*22*1',
        'HL*4*3*23*0',
        'NM1*03*1*Doe*Tim',
        'DTP*291*RD8*20260301-20260331',
      ]),
    );
    expect(ids.indexOf('TRN*1*pol-42/2026-03-02*9CLAIMLINE')).toBe(ids.indexOf('HL*4*3*23*0') + 1);
  });

  it('refuses what the guide does not allow', () => {
    const r = write270({
      ...inquiry,
      date: '2026-02-30',
      serviceTypes: [],
      originatorId: 'X',
      provider: { ...inquiry.provider, npi: '1234567890' },
    });
    expect(r.x12).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual([
      'provider.npi',
      'originatorId',
      'date',
      'date',
      'serviceTypes',
    ]);
  });
});

// A 271 as a commercial payer answers a behavioural-health inquiry (made for this test).
const response271 = [
  'ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*CLAIMLINE      *260302*1406*^*00501*000000078*0*T*:~',
  'GS*HB*CLEARINGHSE*CLAIMLINE*20260302*1406*78*X*005010X279A1~',
  'ST*271*0001*005010X279A1~',
  'BHT*0022*11*ELIG-1*20260302*1406~',
  'HL*1**20*1~',
  'NM1*PR*2*ACME HEALTH PLAN*****PI*60054~',
  'HL*2*1*21*1~',
  'NM1*1P*2*RIVERSIDE COUNSELING*****XX*1234567893~',
  'HL*3*2*22*0~',
  'TRN*2*pol-42/2026-03-02*9CLAIMLINE~',
  'NM1*IL*1*DOE*JANE****MI*XJ12345678~',
  'REF*6P*GRP100~',
  'DMG*D8*19850412*F~',
  'DTP*346*D8*20260101~',
  'DTP*347*D8*20261231~',
  'EB*1*FAM*30*PR*GOLD PPO 500~',
  'EB*1*IND*MH^A6^A8~',
  'EB*B*IND*MH^A6*PR**27*30*****Y~',
  'MSG*COPAY APPLIES PER VISIT~',
  'EB*B*IND*MH^A6*PR**27*60*****N~',
  'EB*A*IND*MH^A6*PR****.2****Y~',
  'EB*C*IND*30*PR*GOLD PPO 500*23*500*****Y~',
  'EB*C*IND*30*PR*GOLD PPO 500*29*125.5*****Y~',
  'EB*G*IND*30*PR**23*3000*****Y~',
  'EB*G*IND*30*PR**29*2750*****Y~',
  'EB*CB*IND*A8*PR*****VS*20*Y*Y~',
  'MSG*PRIOR AUTHORIZATION REQUIRED AFTER 20 VISITS~',
  'LS*2120~',
  'NM1*X3*2*ACME BEHAVIORAL UM~',
  'LE*2120~',
  'SE*29*0001~',
  'GE*1*78~',
  'IEA*1*000000078~',
].join('\n');

describe('read271', () => {
  it('reads coverage, cost shares with what remains, network, authorization and messages', () => {
    const r = read271(response271);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings).toEqual([]);
    const [res] = r.value;
    expect(res.payer).toEqual({ name: 'ACME HEALTH PLAN', id: '60054' });
    const [m] = res.members;
    expect(m).toMatchObject({
      role: 'subscriber',
      memberId: 'XJ12345678',
      groupNumber: 'GRP100',
      traceNumbers: ['pol-42/2026-03-02'],
    });
    expect(m.benefits[2]).toMatchObject({
      code: 'B',
      kind: 'Copay',
      serviceTypes: ['MH', 'A6'],
      amount: 3000,
      inNetwork: true,
      messages: ['COPAY APPLIES PER VISIT'],
    });
    const s = summarizeCoverage(m, '2026-03-10');
    expect(s.active).toBe(true);
    expect(s.planName).toBe('GOLD PPO 500');
    expect(s.copays.map((c) => [c.amount, c.inNetwork])).toEqual([
      [3000, true],
      [6000, false],
    ]);
    expect(s.coinsurance).toEqual([expect.objectContaining({ percent: 0.2, inNetwork: true })]);
    expect(s.deductibles.map((d) => [d.amount, d.remaining, d.period])).toEqual([
      [50000, false, 'Calendar year'],
      [12550, true, 'Remaining'],
    ]);
    expect(s.outOfPocket.map((d) => [d.amount, d.remaining])).toEqual([
      [300000, false],
      [275000, true],
    ]);
    expect(s.priorAuthorizationRequired).toBe(true);
    expect(s.messages).toEqual(['COPAY APPLIES PER VISIT', 'PRIOR AUTHORIZATION REQUIRED AFTER 20 VISITS']);
    expect(summarizeCoverage(m, '2027-01-05').active).toBe(false);
  });

  it('gives AAA rejections in words, at the level they apply', () => {
    const text = response271
      .replace(
        'NM1*1P*2*RIVERSIDE COUNSELING*****XX*1234567893~',
        'NM1*1P*2*RIVERSIDE COUNSELING*****XX*1234567893~\nAAA*Y**43*C~',
      )
      .replace(/REF\*6P[\s\S]*LE\*2120~\n/, 'AAA*Y**72*C~\n')
      .replace('SE*29*', 'SE*12*');
    const r = read271(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings).toEqual([]);
    const [res] = r.value;
    expect(res.rejections).toEqual([
      {
        level: 'provider',
        code: '43',
        reason: "The provider's id is missing or not valid",
        followUp: 'C',
        followUpAction: 'Correct the request and send it again',
      },
    ]);
    const s = summarizeCoverage(res.members[0], '2026-03-10');
    expect(s.active).toBeUndefined();
    expect(s.rejections.map((x) => [x.level, x.reason])).toEqual([
      ['subscriber', 'The member id is missing or not valid'],
    ]);
  });

  it('says inactive when the payer says so for mental health', () => {
    const text = response271.replace('EB*1*IND*MH^A6^A8~', 'EB*6*IND*MH^A6^A8~');
    const r = read271(text);
    expect(r.ok && summarizeCoverage(r.value[0].members[0], '2026-03-10').active).toBe(false);
  });

  it('refuses a 270 or a 277 given to read271', () => {
    const r = read271(write270(inquiry).x12!);
    expect(!r.ok && r.error.message).toContain('270 eligibility inquiry');
  });
});
