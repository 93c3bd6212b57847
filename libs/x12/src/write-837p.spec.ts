import { batch, claim } from '../test/claims';
import type { Claim837, ClaimBatch837 } from './claim-837p';
import { MAP_837P } from './generated/map-837p';
import { read837p, type ReadClaim837 } from './read-837p';
import { tokenize } from './tokenizer';
import { validate } from './validator';
import { write837p } from './write-837p';

const child = {
  relationship: '19',
  lastName: 'Doe',
  firstName: 'Tim',
  address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
  birthDate: '2014-06-01',
  gender: 'M',
} as const;

const scenarios: Record<string, Claim837> = {
  organization: claim('ORG-1'),
  dependent: claim('DEP-1', { patient: child }),
  telehealth: claim('TEL-1', {
    placeOfService: '10',
    lines: [
      {
        procedure: '90834',
        modifiers: ['95'],
        charge: 10000,
        units: 1,
        serviceDate: '2026-02-21',
        diagnosisPointers: [1],
      },
      {
        procedure: '90785',
        modifiers: ['95'],
        charge: 1575,
        units: 1,
        serviceDate: '2026-02-21',
        diagnosisPointers: [1, 2],
      },
    ],
  }),
  priorAuth: claim('AUTH-1', { priorAuthorization: 'PA-778899' }),
  facility: claim('FAC-1', {
    serviceFacility: {
      name: 'Eastside Clinic',
      npi: '1245319599',
      address: { line1: '400 Burnside St', city: 'Portland', state: 'OR', postalCode: '97214' },
    },
  }),
  secondary: claim('SEC-1', {
    payerResponsibility: 'S',
    payer: { name: 'Second Mutual', id: '77777' },
    lines: [
      {
        procedure: '90837',
        charge: 15000,
        units: 1,
        serviceDate: '2026-02-20',
        diagnosisPointers: [1],
        lineId: 'SEC-1-1',
      },
      {
        procedure: '90785',
        charge: 2000,
        units: 1,
        serviceDate: '2026-02-20',
        diagnosisPointers: [1],
        lineId: 'SEC-1-2',
      },
    ],
    priorPayers: [
      {
        payer: { name: 'Acme Health Plan', id: '60054' },
        responsibility: 'P',
        relationship: '18',
        subscriber: { lastName: 'Doe', firstName: 'Jane', memberId: 'XJ12345678' },
        groupNumber: 'GRP100',
        claimFilingIndicator: 'CI',
        paid: 9000,
        adjudicationDate: '2026-03-01',
        lines: [
          {
            line: 0,
            paid: 9000,
            adjustments: [
              { group: 'CO', reason: '45', amount: 4000 },
              { group: 'PR', reason: '2', amount: 2000 },
            ],
            adjudicationDate: '2026-03-01',
          },
          {
            line: 1,
            paid: 0,
            adjustments: [{ group: 'CO', reason: '97', amount: 2000 }],
            adjudicationDate: '2026-03-01',
          },
        ],
      },
    ],
  }),
};

const individual: Partial<ClaimBatch837> = {
  billingProvider: {
    entity: 'person',
    name: 'Smith',
    firstName: 'Alex',
    npi: '1245319599',
    taxId: { kind: 'SSN', value: '123-45-6789' },
    taxonomy: '101YP2500X',
    address: { line1: '77 Pine St', city: 'Portland', state: 'OR', postalCode: '972051234' },
  },
  payToAddress: { line1: 'PO Box 1200', city: 'Portland', state: 'OR', postalCode: '97208' },
};

function expectValid(x12: string) {
  const report = validate(x12, MAP_837P);
  expect(report.findings).toEqual([]);
  return report;
}

function readBack(x12: string): ReadClaim837[] {
  const r = read837p(x12);
  if (!r.ok) throw r.error;
  expect(r.findings).toEqual([]);
  return r.value.flatMap((f) => f.claims);
}

function expectSameData(input: Claim837, out: ReadClaim837) {
  expect(out.id).toBe(input.id);
  expect(out.charge).toBe(input.lines.reduce((s, l) => s + l.charge, 0));
  expect(out.placeOfService).toBe(input.placeOfService);
  expect(out.frequencyCode).toBe(input.frequencyCode);
  expect(out.diagnoses).toEqual(input.diagnoses.map((d) => d.replace('.', '')));
  expect(out.priorAuthorization).toBe(input.priorAuthorization);
  expect(out.subscriber).toMatchObject({
    name: input.subscriber.lastName.toUpperCase(),
    id: input.subscriber.memberId,
    payerResponsibility: input.payerResponsibility ?? 'P',
    claimFilingIndicator: input.claimFilingIndicator,
  });
  expect(out.payer).toMatchObject({ name: input.payer.name.toUpperCase(), id: input.payer.id });
  expect(out.patient?.name).toBe(input.patient?.lastName.toUpperCase());
  expect(out.patient?.relationship).toBe(input.patient?.relationship);
  expect(
    out.lines.map((l) => [
      l.procedure,
      l.modifiers,
      l.charge,
      l.units,
      l.serviceDate,
      l.diagnosisPointers,
      l.lineId,
    ]),
  ).toEqual(
    input.lines.map((l) => [
      l.procedure,
      l.modifiers ?? [],
      l.charge,
      l.units,
      l.serviceDate,
      l.diagnosisPointers,
      l.lineId,
    ]),
  );
}

describe('write837p', () => {
  it('writes every scenario as one valid interchange and reads it back to the same data', () => {
    const input = Object.values(scenarios);
    const r = write837p(batch(input));
    expect(r.rejected).toEqual([]);
    expect(r.written).toEqual(input.map((c) => c.id));
    const report = expectValid(r.x12!);
    expect(report.transactionCount).toBe(1);
    const out = readBack(r.x12!);
    expect(out).toHaveLength(input.length);
    input.forEach((c, i) => expectSameData(c, out[i]));
  });

  it('writes individual billing with REF*SY, no 2310B when the renderer is the biller, and a PO box pay-to (2010AB)', () => {
    const c = claim('IND-1', {
      renderingProvider: { lastName: 'Smith', firstName: 'Alex', npi: '1245319599' },
    });
    const r = write837p(batch([c], individual), { lineBreak: '\n' });
    expectValid(r.x12!);
    const ids = r.x12!.split('~\n').map((s) => s.split('*').slice(0, 2).join('*'));
    expect(ids).toContain('REF*SY');
    expect(ids).not.toContain('REF*EI');
    expect(ids).not.toContain('NM1*82');
    expect(r.x12).toContain('NM1*85*1*SMITH*ALEX****XX*1245319599~');
    expect(r.x12).toContain('NM1*87*2~\nN3*PO BOX 1200~\nN4*PORTLAND*OR*97208~');
    const [back] = readBack(r.x12!);
    expect(back.billingProvider).toMatchObject({
      entity: '1',
      id: '1245319599',
      taxIdQualifier: 'SY',
      taxId: '123456789',
    });
    expect(back.payToAddress).toBe(true);
    expect(back.renderingProvider).toBeUndefined();
  });

  it('builds the HL hierarchy with parent links and 2000C only for a dependent', () => {
    const r = write837p(batch([scenarios.organization, scenarios.dependent, scenarios.priorAuth]));
    const hls = tokenize(r.x12!)
      .segments.filter((s) => s.id === 'HL')
      .map((s) => s.fields.slice(1).join('/'));
    expect(hls).toEqual(['1//20/1', '2/1/22/0', '3/1/22/1', '4/3/23/0', '5/1/22/0']);
    expect(r.x12).toContain('SBR*P**GRP100******CI~');
    expect(r.x12).toContain('PAT*19~NM1*QC*1*DOE*TIM~');
  });

  it('writes the key segments of each scenario', () => {
    const r = write837p(batch(Object.values(scenarios)));
    const x = r.x12!;
    expect(x).toContain(
      'CLM*ORG-1*150.5***11:B:1*Y*A*Y*Y~HI*ABK:F411*ABF:F329~NM1*82*1*SMITH*ALEX****XX*1245319599~PRV*PE*PXC*101YP2500X~',
    );
    expect(x).toContain('CLM*TEL-1*115.75***10:B:1');
    expect(x).toContain('SV1*HC:90834:95*100*UN*1***1~');
    expect(x).toContain('SV1*HC:90785:95*15.75*UN*1***1:2~');
    expect(x).toContain('REF*G1*PA-778899~HI*');
    expect(x).toContain(
      'NM1*77*2*EASTSIDE CLINIC*****XX*1245319599~N3*400 BURNSIDE ST~N4*PORTLAND*OR*97214~',
    );
    expect(x).toContain('SBR*S*18*GRP100******CI~NM1*IL');
    expect(x).toContain(
      'SBR*P*18*GRP100******CI~AMT*D*90~OI***Y***Y~NM1*IL*1*DOE*JANE****MI*XJ12345678~NM1*PR*2*ACME HEALTH PLAN*****PI*60054~LX*1~',
    );
    expect(x).toContain('SVD*60054*90*HC:90837**1~CAS*CO*45*40~CAS*PR*2*20~DTP*573*D8*20260301~');
    expect(x).toContain('SVD*60054*0*HC:90785**1~CAS*CO*97*20~DTP*573*D8*20260301~');
    const segs = tokenize(x).segments;
    const se = segs.find((s) => s.id === 'SE')!;
    expect(Number(se.fields[1])).toBe(se.number - segs.find((s) => s.id === 'ST')!.number + 1);
    expect(segs[0].fields[13]).toBe('000000042');
  });

  it('omits 2310C when the facility is the billing address', () => {
    const bp = batch([]).billingProvider;
    const r = write837p(
      batch([claim('SAME-1', { serviceFacility: { name: 'Main office', address: bp.address } })]),
    );
    expect(r.x12).not.toContain('NM1*77');
  });

  it('secondary claim data reads back as the primary adjudication', () => {
    const [back] = readBack(write837p(batch([scenarios.secondary])).x12!);
    expect(back.priorPayers).toEqual([
      {
        responsibility: 'P',
        relationship: '18',
        claimFilingIndicator: 'CI',
        paid: 9000,
        adjustments: [],
        subscriber: expect.objectContaining({ id: 'XJ12345678' }),
        payer: expect.objectContaining({ id: '60054' }),
      },
    ]);
    expect(back.lines[0].adjudications).toEqual([
      {
        payerId: '60054',
        paid: 9000,
        date: '2026-03-01',
        adjustments: [
          { group: 'CO', reason: '45', amount: 4000 },
          { group: 'PR', reason: '2', amount: 2000 },
        ],
      },
    ]);
  });

  it('cleans text of separators and upper-cases it', () => {
    const c = claim('TXT-1', { subscriber: { ...claim('x').subscriber, lastName: "o'brien*~:^ smith\n" } });
    const r = write837p(batch([c]));
    expect(r.x12).toContain("NM1*IL*1*O'BRIEN SMITH*JANE****MI*XJ12345678~");
    expectValid(r.x12!);
  });

  it('refuses claims that would break the guide, names claim, field and rule, and writes the rest', () => {
    const dx = Array.from({ length: 13 }, (_, i) => `F4${i % 10}.${i}`);
    const lines = Array.from({ length: 51 }, () => claim('x').lines[0]);
    const bad = [
      claim('TOO-MANY-DX', { diagnoses: dx }),
      claim('TOO-MANY-LINES', { lines }),
      claim('BAD-NPI', { renderingProvider: { lastName: 'Smith', npi: '1234567890' } }),
      claim('NO-MEMBER', { subscriber: { ...claim('x').subscriber, memberId: '' } }),
      claim('BAD-PTR', { lines: [{ ...claim('x').lines[0], diagnosisPointers: [3] }] }),
      claim('VOID', { frequencyCode: '8' }),
      claim('SEC-NO-PRIMARY', { payerResponsibility: 'S' }),
    ];
    const r = write837p(batch([scenarios.organization, ...bad, scenarios.dependent]));
    expect(r.written).toEqual(['ORG-1', 'DEP-1']);
    expect(r.rejected.map((x) => [x.claimId, x.problems.map((p) => p.field)])).toEqual([
      ['TOO-MANY-DX', ['claims[1].diagnoses']],
      ['TOO-MANY-LINES', ['claims[2].lines']],
      ['BAD-NPI', ['claims[3].renderingProvider.npi']],
      ['NO-MEMBER', ['claims[4].subscriber.memberId']],
      ['BAD-PTR', ['claims[5].lines[0].diagnosisPointers']],
      ['VOID', ['claims[6].originalClaimNumber']],
      ['SEC-NO-PRIMARY', ['claims[7].priorPayers']],
    ]);
    expect(r.rejected[0].problems[0].rule).toBe('at most 12 diagnoses (HI01-HI12)');
    expect(r.rejected[2].problems[0].message).toBe(
      'claim BAD-NPI: claims[3].renderingProvider.npi NPI 1234567890 fails its check digit (rule: NPI must be 10 digits with a valid check digit)',
    );
    expectValid(r.x12!);
    expect(readBack(r.x12!).map((c) => c.id)).toEqual(['ORG-1', 'DEP-1']);
  });

  it('writes nothing when the batch itself is wrong, and nothing when every claim is refused', () => {
    const poBox = write837p(
      batch([scenarios.organization], {
        billingProvider: {
          ...batch([]).billingProvider,
          address: { line1: 'P.O. Box 9', city: 'Portland', state: 'OR', postalCode: '972080009' },
        },
      }),
    );
    expect(poBox.x12).toBeUndefined();
    expect(poBox.batchProblems.map((p) => p.field)).toEqual(['billingProvider.address']);
    expect(poBox.rejected.map((x) => x.claimId)).toEqual(['ORG-1']);
    const badNpi = write837p(
      batch([scenarios.organization], {
        billingProvider: { ...batch([]).billingProvider, npi: '1234567890' },
      }),
    );
    expect(badNpi.batchProblems[0].message).toContain('fails its check digit');
    const none = write837p(batch([claim('X', { diagnoses: [] })]));
    expect(none.x12).toBeUndefined();
    expect(none.rejected[0].problems[0].field).toBe('claims[0].diagnoses');
  });

  it('generates control numbers when the caller gives none', () => {
    const r = write837p(batch([scenarios.organization], { controlNumbers: undefined }));
    expect(r.controlNumbers.interchange).toMatch(/^\d{9}$/);
    const segs = tokenize(r.x12!).segments;
    expect(segs[0].fields[13]).toBe(r.controlNumbers.interchange);
    expect(segs[segs.length - 1].fields[2]).toBe(r.controlNumbers.interchange);
    expect(segs[1].fields[6]).toBe(segs[segs.length - 2].fields[2]);
  });

  it('honours other separators', () => {
    const r = write837p(batch([scenarios.telehealth]), {
      element: '|',
      component: '>',
      segment: '\n',
      repetition: '}',
    });
    expect(r.x12).toContain('SV1|HC>90834>95|100|UN|1|||1\n');
    expectValid(r.x12!);
    expect(readBack(r.x12!)[0].lines[0].modifiers).toEqual(['95']);
  });
});

describe('write837p refuses what it would otherwise change or get wrong', () => {
  it('refuses impossible dates', () => {
    const c = claim('FEB-30', { lines: [{ ...claim('x').lines[0], serviceDate: '2026-02-30' }] });
    const r = write837p(batch([c, claim('OK-1')]));
    expect(r.written).toEqual(['OK-1']);
    expect(r.rejected[0].problems.map((p) => p.field)).toEqual(['claims[0].lines[0].serviceDate']);
    const dob = write837p(
      batch([claim('DOB', { subscriber: { ...claim('x').subscriber, birthDate: '1990-04-31' } })]),
    );
    expect(dob.rejected[0].problems.map((p) => p.field)).toEqual(['claims[0].subscriber.birthDate']);
  });

  it('writes the claim id and line id exactly as given, so the 835 can match them', () => {
    const c = claim('ab-12/x.y', {
      lines: [{ ...claim('x').lines[0], lineId: 'ln-1 a' }],
    });
    const r = write837p(batch([c]));
    expect(r.written).toEqual(['ab-12/x.y']);
    expect(r.x12).toContain('CLM*ab-12/x.y*');
    expect(r.x12).toContain('REF*6R*ln-1 a~');
    expectValid(r.x12!);
    const [back] = readBack(r.x12!);
    expect([back.id, back.lines[0].lineId]).toEqual(['ab-12/x.y', 'ln-1 a']);
  });

  it('refuses a claim id or line id it could only write changed', () => {
    const r = write837p(
      batch([
        claim('A*1', { lines: claim('x').lines }),
        claim('B~2', { lines: claim('x').lines }),
        claim(' C3', { lines: claim('x').lines }),
        claim('D4', { lines: [{ ...claim('x').lines[0], lineId: 'L:1' }] }),
      ]),
    );
    expect(r.written).toEqual([]);
    expect(r.rejected.map((x) => x.problems.map((p) => p.field))).toEqual([
      ['claims[0].id'],
      ['claims[1].id'],
      ['claims[2].id'],
      ['claims[3].lines[0].lineId'],
    ]);
  });

  it('refuses codes the guide does not list', () => {
    const r = write837p(
      batch([
        claim('SBR', { claimFilingIndicator: 'Medicare' }),
        claim('POS', { placeOfService: '00' }),
        claim('ST', {
          subscriber: {
            ...claim('x').subscriber,
            address: { ...claim('x').subscriber.address!, state: 'ZZ' },
          },
        }),
      ]),
    );
    expect(r.rejected.map((x) => x.problems.map((p) => p.field))).toEqual([
      ['claims[0].claimFilingIndicator'],
      ['claims[1].placeOfService'],
      ['claims[2].subscriber.address.state'],
    ]);
  });

  it('refuses envelope values that break the ISA or GS', () => {
    const fields = (o: Partial<ClaimBatch837>) =>
      write837p(batch([claim('E1')], o)).batchProblems.map((p) => p.field);
    expect(fields({ applicationSender: 'A' })).toEqual(['applicationSender']);
    expect(fields({ interchangeSender: { qualifier: 'ZZZ', id: 'CLAIMLINE' } })).toEqual([
      'interchangeSender.qualifier',
    ]);
    expect(fields({ interchangeReceiver: { qualifier: '', id: 'X' } })).toEqual([
      'interchangeReceiver.qualifier',
    ]);
    expect(fields({ interchangeSender: { qualifier: 'ZZ', id: 'CLAIM*LINE' } })).toEqual([
      'interchangeSender.id',
    ]);
  });
});
