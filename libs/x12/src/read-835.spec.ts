import { Readable } from 'node:stream';
import { fixture } from '../test/fixtures';
import { readSegments, stream835, type StreamEvent835 } from './node-stream';
import type { Finding } from './errors';
import { READ835_MAX_SIZE, read835, type Remittance } from './read-835';

function one(name: string): Remittance {
  const r = read835(fixture('835', name));
  if (!r.ok) throw r.error;
  expect(r.value).toHaveLength(1);
  return r.value[0];
}

describe('read835', () => {
  it('reads managed-care.835: payer, payee, payment and two claims with claim and line CAS', () => {
    const era = one('managed-care.835');
    expect(era.payer.name).toBe('RUSHMORE LIFE');
    expect(era.payee).toMatchObject({ name: 'ACME MEDICAL CENTER', idQualifier: 'XX', id: '5544667733' });
    expect(era.payment).toMatchObject({
      amount: 94500,
      method: 'ACH',
      handlingCode: 'I',
      traceNumber: '7170066655',
      payerIdentifier: '1935665544',
    });
    expect(era.payment.date).toBe('20002316'); // an impossible date in the sample is kept as sent
    expect(era.productionDate).toBe('2002-03-14');
    expect(
      era.claims.map((c) => [
        c.claimId,
        c.statusCode,
        c.charge,
        c.paid,
        c.patientResponsibility,
        c.payerClaimNumber,
      ]),
    ).toEqual([
      ['5554555444', '1', 80000, 45000, 30000, '94060555410000'],
      ['8765432112', '1', 120000, 49500, 60000, '94077799230000'],
    ]);
    const [first, second] = era.claims;
    expect(first.adjustments).toEqual([{ group: 'CO', reason: 'A2', amount: 5000 }]);
    expect(first.patient).toEqual({
      lastName: 'BUDD',
      firstName: 'WILLIAM',
      idQualifier: 'MI',
      id: '33344555510',
    });
    expect(first.lines[0]).toMatchObject({
      procedure: { qualifier: 'HC', code: '99211', modifiers: [] },
      charge: 80000,
      paid: 50000,
      serviceDateFrom: '2002-03-01',
      serviceDateTo: '2002-03-04',
    });
    expect(second.lines[0].adjustments).toEqual([
      { group: 'PR', reason: '1', amount: 60000 },
      { group: 'CO', reason: '45', amount: 5000 },
    ]);
    expect(era.claims.every((c) => c.balanced)).toBe(true);
    expect(era.findings).toEqual([]);
  });

  it('reads profee.edi: modifiers, units, DTM*472, AMT*B6, LQ remarks, denied lines', () => {
    const era = one('profee.edi');
    expect(era.payment).toMatchObject({
      amount: 4575,
      method: 'ACH',
      date: '2010-01-01',
      traceNumber: '10100000000',
    });
    expect(era.payer).toMatchObject({
      name: 'NYSDOH',
      address: {
        line1: 'OFFICE OF HEALTH INSURANCE PROGRAMS',
        line2: 'CORNING TOWER, EMPIRE STATE PLAZA',
        city: 'ALBANY',
        state: 'NY',
        postalCode: '122370080',
      },
    });
    expect(era.payee).toMatchObject({ name: 'MAJOR MEDICAL PROVIDER', id: '9999999995' });
    expect(
      era.claims.map((c) => [c.statusCode, c.charge, c.paid, c.payerClaimNumber, c.lines.length]),
    ).toEqual([
      ['1', 3425, 3425, '1000210000000030', 4],
      ['2', 3400, 0, '1000220000000020', 2],
      ['2', 3425, 1150, '1000230000000020', 4],
    ]);
    const first = era.claims[0];
    expect(first.claimId).toBe('PATIENT ACCOUNT NUMBER');
    expect(first.correctedPatient).toEqual({ lastName: 'CORRECTED LAST', firstName: 'CORRECTED FIRST' });
    expect(first.lines[0]).toMatchObject({
      procedure: { code: 'V2020', modifiers: ['RB'] },
      charge: 600,
      paid: 600,
      units: 1,
      serviceDate: '2010-01-01',
      allowed: 600,
    });
    expect(first.lines[3]).toMatchObject({
      procedure: { code: 'S0580', modifiers: [] },
      charge: 2000,
      units: 2,
    });
    expect(era.claims[1].lines[1].adjustments).toEqual([{ group: 'CO', reason: '29', amount: 2200 }]);
    const third = era.claims[2];
    expect(third.lines[1].serviceDate).toBe('2013-09-17');
    expect(third.lines[2]).toMatchObject({
      paid: 0,
      adjustments: [{ group: 'CO', reason: '251', amount: 275 }],
      remarkCodes: ['N206'],
    });
    expect(era.findings).toEqual([]);
  });

  it('reads the COB sample, including its undeclared ">" component separator and a negative CAS', () => {
    const r = read835(fixture('835', 'cob-contractural-adjustment.835'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const era = r.value[0];
    const claim = era.claims[0];
    expect(claim).toMatchObject({
      claimId: '0001000055',
      statusCode: '2',
      charge: 54100,
      paid: 3400,
      payerClaimNumber: '50650619501',
      statementFrom: '2005-02-02',
    });
    expect(claim.renderingProvider).toEqual({
      lastName: 'PROFESSIONAL TEST 1',
      idQualifier: 'BS',
      id: '34426',
    });
    expect(claim.lines[0]).toMatchObject({
      procedure: { qualifier: 'HC', code: '55669', modifiers: [] },
      units: 1,
      serviceDate: '2005-02-02',
      allowed: 55000,
      adjustments: [
        { group: 'OA', reason: '23', amount: 51600 },
        { group: 'OA', reason: '94', amount: -900 },
      ],
    });
    // the sample puts its payment date in BPR15 instead of BPR16, so there is none to read
    expect(era.payment).toMatchObject({
      amount: 3400,
      method: 'CHK',
      date: undefined,
      traceNumber: '0063158ABC',
    });
    expect(r.findings.map((f) => f.code)).toEqual(['component-separator']);
  });

  it('reports unbalanced claims, lines and payments as findings, and reads PLB', () => {
    const text = fixture('835', 'managed-care.835')
      .replace('CAS*CO*A2*50.00~', 'CAS*CO*A2*49.99~')
      .replace('CAS*CO*45*50.00~', 'CAS*CO*45*50.00~PLB*5544667733*20021231*WO:ABC123*-20.5*L6*5~')
      .replace('SE*26*', 'SE*27*');
    const r = read835(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const era = r.value[0];
    expect(era.providerAdjustments).toEqual([
      {
        providerId: '5544667733',
        fiscalPeriodDate: '2002-12-31',
        reasonCode: 'WO',
        reference: 'ABC123',
        amount: -2050,
      },
      { providerId: '5544667733', fiscalPeriodDate: '2002-12-31', reasonCode: 'L6', amount: 500 },
    ]);
    expect(era.claims[0].balanced).toBe(false);
    expect(era.findings.map((f) => [f.code, f.segmentNumber])).toEqual([
      ['claim-balance', 13],
      ['payment-balance', 4],
    ]);
    expect(era.findings[1].message).toContain('94500 ≠ claims paid 94500 − provider adjustments -1550');
  });

  it('reads several interchanges in one file', () => {
    const r = read835(fixture('835', 'managed-care.835') + '\n' + fixture('835', 'profee.edi'));
    expect(r.ok && r.value.map((e) => e.claims.length)).toEqual([2, 3]);
  });

  it('returns an error naming the segment for broken structure', () => {
    const r = read835(fixture('835', 'managed-care.835').replace('SE*26*112233~\n', ''));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.segmentNumber).toBe(28); // the GE that follows the missing SE
    expect(r.error.expected).toBe('SE');
    const wrong = read835(fixture('999', 'x12_999_rejected.txt'));
    expect(!wrong.ok && wrong.error.expected).toBe('ST01 835');
    const cut = read835(fixture('835', 'profee.edi').slice(0, 500));
    expect(!cut.ok && cut.error.message).toContain('input ends inside a transaction');
  });
});

describe('streaming', () => {
  const chunks = (text: string, size: number) =>
    Readable.from(
      Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        Buffer.from(text.slice(i * size, (i + 1) * size)),
      ),
    );

  it('yields segments from a node Readable', async () => {
    const ids: string[] = [];
    for await (const s of readSegments(chunks(fixture('835', 'profee.edi'), 33))) ids.push(s.id);
    expect(ids).toHaveLength(69);
    expect(ids.slice(0, 3)).toEqual(['ISA', 'GS', 'ST']);
  });

  it('streams an 835 claim by claim with the same content as read835', async () => {
    const text = fixture('835', 'managed-care.835') + fixture('835', 'profee.edi');
    const events: StreamEvent835[] = [];
    for await (const e of stream835(chunks(text, 50))) events.push(e);
    expect(events.map((e) => e.kind)).toEqual([
      'header',
      'claim',
      'claim',
      'end',
      'header',
      'claim',
      'claim',
      'claim',
      'end',
    ]);
    const sync = read835(text);
    const claims = events.flatMap((e) => (e.kind === 'claim' ? [e.claim] : []));
    expect(sync.ok && sync.value.flatMap((r) => r.claims)).toEqual(claims);
  });

  it('ends with an error event on malformed input', async () => {
    const events: StreamEvent835[] = [];
    for await (const e of stream835(Readable.from(['ISA*00*bad~']))) events.push(e);
    expect(events[events.length - 1]).toMatchObject({ kind: 'error' });
  });
});

describe('stream835 reports what read835 reports', () => {
  const chunks = (text: string) => Readable.from([Buffer.from(text)]);
  const key = (f: Finding) => `${f.segmentNumber}:${f.code}:${f.severity}`;

  it('yields envelope, amount and component-separator findings as they are found', async () => {
    const text =
      fixture('835', 'managed-care.835')
        .replace('SE*26*', 'SE*27*')
        .replace('GE*1*1~', 'GE*2*1~')
        .replace(/CLP\*(\w+)\*1\*([\d.]+)\*/, 'CLP*$1*1*12.3X4*') +
      fixture('835', 'cob-contractural-adjustment.835');
    const sync = read835(text);
    expect(sync.ok).toBe(true);
    expect(sync.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['se-count', 'ge-count', 'bad-amount', 'component-separator']),
    );
    const streamed: Finding[] = [];
    for await (const e of stream835(chunks(text))) if (e.kind === 'finding') streamed.push(e.finding);
    expect(streamed.map(key).sort()).toEqual(sync.findings.map(key).sort());
  });

  it('keeps no list of findings: the end event counts them', async () => {
    const base = fixture('835', 'profee.edi');
    const text = base.replace(/CLP\*([^*]+)\*(\d+)\*([\d.]+)\*/g, 'CLP*$1*$2*9999*');
    const events: StreamEvent835[] = [];
    for await (const e of stream835(chunks(text))) events.push(e);
    const end = events.find((e) => e.kind === 'end');
    const found = events.filter((e) => e.kind === 'finding').length;
    expect(found).toBeGreaterThan(2);
    expect(end).toMatchObject({ kind: 'end', findingCount: found });
    expect(end && 'findings' in end).toBe(false);
  });
});

describe('read835 input size', () => {
  it('refuses input above READ835_MAX_SIZE and points at stream835', () => {
    const big = fixture('835', 'profee.edi').padEnd(READ835_MAX_SIZE + 1, ' ');
    const r = read835(big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('stream835');
    expect(read835(new Uint8Array(READ835_MAX_SIZE + 1)).ok).toBe(false);
    expect(READ835_MAX_SIZE).toBe(32 * 1024 * 1024);
  });
});
