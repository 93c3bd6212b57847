import { createHash } from 'node:crypto';
import { batch, claim } from '../test/claims';
import type { Claim837, ServiceLine } from './claim-837p';
import { write837p, type WriteOptions } from './write-837p';

/*
 * Pins the writer's exact output (text, refusals and their messages) for a varied batch, so a
 * change made for speed cannot change a byte. The digests were taken from the writer before it
 * was optimised (issue #15); a deliberate change of output updates them in the same commit.
 */

/** A small deterministic generator, so the batch is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

const TEXTS = [
  'Doe',
  "o'brien-smith",
  'Müller',
  'Ann  Marie',
  'A*B:C^D~E',
  '  padded  ',
  'tab\there',
  'line\nbreak',
  'x'.repeat(90),
  'José Núñez',
  'Zoë|pipe>gt!bang',
  'Smith Jr.',
];
const DIAGNOSES = ['F41.1', 'F32.9', 'F43.10', 'F90.0', 'Z63.0', 'F411', 'f33.1', 'F84.0', 'F50.00'];

function varied(count: number): Claim837[] {
  const r = random(837);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const id = `PCN-${i}`;
    const dx = [...new Set(Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(DIAGNOSES)))].filter(
      (d, j, all) =>
        all.findIndex((x) => x.replace('.', '').toUpperCase() === d.replace('.', '').toUpperCase()) === j,
    );
    const lines: ServiceLine[] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, n) => ({
      procedure: pick(['90837', '90834', '90785', '90791', 'h0031']),
      modifiers: r() < 0.3 ? [pick(['95', 'gt', 'HO', 'U4'])] : undefined,
      charge: 1000 + Math.floor(r() * 30000),
      units: pick([1, 1, 2, 1.5, 0.25, 4.125]),
      serviceDate: `2026-0${1 + (n % 9)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      diagnosisPointers: [1 + Math.floor(r() * dx.length)],
      lineId: r() < 0.8 ? `${id}-${n + 1}` : undefined,
    }));
    const overrides: Partial<Claim837> = {
      subscriber: {
        lastName: pick(TEXTS),
        firstName: pick(TEXTS),
        middleName: r() < 0.2 ? pick(TEXTS) : undefined,
        suffix: r() < 0.1 ? 'jr' : undefined,
        memberId: `XJ${10_000_000 + i}`,
        address: {
          line1: pick(TEXTS),
          line2: r() < 0.3 ? pick(TEXTS) : undefined,
          city: pick(['Portland', 'salem', 'Bend~OR']),
          state: pick(['OR', 'WA', 'CA', 'OR', 'WA', 'CA', 'OR', 'wa']),
          postalCode: pick(['97202', '97202-1234', '972021234']),
        },
        birthDate: '1985-04-12',
        gender: pick(['F', 'M', 'U'] as const),
        groupNumber: r() < 0.7 ? `GRP${i % 7}` : undefined,
        groupName: pick(['Acme Employees', 'x*y']),
      },
      payer: { name: pick(['Acme Health Plan', 'second mutual', 'P*Q']), id: pick(['60054', '77777']) },
      placeOfService: pick(['11', '10', '02']),
      diagnoses: dx,
      lines,
      priorAuthorization: r() < 0.2 ? `pa-${i}` : undefined,
    };
    if (r() < 0.25)
      Object.assign(overrides, {
        patient: {
          relationship: pick(['19', '01', 'G8'] as const),
          lastName: pick(TEXTS),
          firstName: pick(TEXTS),
          address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
          birthDate: '2014-06-01',
          gender: 'M',
        },
      });
    const noRenderer = r() < 0.2;
    if (noRenderer) Object.assign(overrides, { renderingProvider: undefined });
    else if (r() < 0.2)
      Object.assign(overrides, { renderingProvider: { lastName: 'Self', npi: '1234567893' } });
    if (r() < 0.15)
      Object.assign(overrides, {
        serviceFacility: {
          name: pick(TEXTS),
          npi: r() < 0.5 ? '1245319599' : undefined,
          address: pick([
            { line1: '400 Burnside St', city: 'Portland', state: 'OR', postalCode: '97214' },
            { line1: '12 main st', line2: 'Suite  4', city: 'Portland', state: 'OR', postalCode: '97201' },
          ]),
        },
      });
    if (r() < 0.1) Object.assign(overrides, { frequencyCode: '7', originalClaimNumber: `orig-${i}` });
    if (r() < 0.15) {
      const total = lines.reduce((s, l) => s + l.charge, 0);
      const paidLines = lines.map((l, n) => ({
        line: n,
        paid: Math.floor(l.charge / 2),
        paidUnits: r() < 0.3 ? 1 : undefined,
        adjustments: [
          { group: 'CO', reason: '45', amount: l.charge - Math.floor(l.charge / 2) - 100 },
          { group: 'PR', reason: '2', amount: 100, quantity: r() < 0.5 ? 1 : undefined },
        ],
        adjudicationDate: '2026-03-01',
      }));
      const paid = paidLines.reduce((s, l) => s + l.paid, 0);
      const claimLevel = r() < 0.5;
      Object.assign(overrides, {
        payerResponsibility: 'S',
        priorPayers: [
          {
            payer: { name: 'Acme Health Plan', id: '60054' },
            responsibility: 'P',
            relationship: '18',
            subscriber: { lastName: 'Doe', firstName: 'Jane', memberId: 'XJ12345678' },
            groupNumber: r() < 0.5 ? 'GRP100' : undefined,
            claimFilingIndicator: 'CI',
            paid: claimLevel ? 0 : paid,
            claimAdjustments: claimLevel
              ? Array.from({ length: 8 }, (_, k) => ({
                  group: 'CO',
                  reason: String(40 + k),
                  amount: k < 7 ? Math.floor(total / 8) : total - 7 * Math.floor(total / 8),
                }))
              : undefined,
            adjudicationDate: '2026-03-01',
            lines: claimLevel ? undefined : paidLines,
          },
        ],
      });
    }
    // Some claims the writer must refuse, with every kind of message.
    const broken = i % 23 === 5 ? Math.floor(r() * 8) : -1;
    if (broken === 0) Object.assign(overrides, { diagnoses: ['XYZ'] });
    if (broken === 1) Object.assign(overrides, { lines: [{ ...lines[0], serviceDate: '2026-02-30' }] });
    if (broken === 2) Object.assign(overrides, { renderingProvider: { lastName: 'Bad', npi: '1234567890' } });
    if (broken === 3) Object.assign(overrides, { id: 'has*star' });
    if (broken === 4)
      Object.assign(overrides, { lines: [{ ...lines[0], modifiers: ['1', '22', '33', '44', '55'] }] });
    if (broken === 5) Object.assign(overrides, { placeOfService: '99', frequencyCode: '9' });
    if (broken === 6) Object.assign(overrides, { diagnoses: ['F41.1', 'F411'], lines: [] });
    if (broken === 7)
      Object.assign(overrides, { lines: [{ ...lines[0], charge: 1.5, units: 0, diagnosisPointers: [9] }] });
    return claim(id, overrides);
  });
}

const CLAIMS = varied(600);

function digest(options?: WriteOptions): string {
  const r = write837p(batch(CLAIMS), options);
  return createHash('sha256')
    .update(r.x12 ?? '')
    .update(JSON.stringify([r.written, r.rejected, r.batchProblems, r.controlNumbers]))
    .digest('hex');
}

describe('write837p output is pinned', () => {
  it('writes and refuses the varied batch as before', () => {
    const r = write837p(batch(CLAIMS));
    expect(r.written.length).toBeGreaterThan(500);
    expect(r.rejected.length).toBeGreaterThan(10);
    expect(digest()).toBe('2af77f61dcc45cea18a18bd2acb0344a55ce9988f9c9f701fb64962b63c37476');
  });

  it('writes the same bytes with a line break after each segment', () => {
    expect(digest({ lineBreak: '\n' })).toBe(
      'ba4c7f3d0c5ec5c4cd90ee7f68829a1c218ded865e388110a9c47e1809328ce2',
    );
  });

  it('writes the same bytes with other separators', () => {
    expect(digest({ element: '|', component: '>', repetition: '!', segment: '\n' })).toBe(
      'f03e9960ee7bd548327bdf84c9b8723eb28b6ca11dd3be752a40b633a2ded01d',
    );
  });

  it('refuses a batch the same way', () => {
    const r = write837p(
      batch(CLAIMS.slice(0, 3), { createdAt: new Date(Number.NaN), applicationSender: 'A' }),
    );
    expect(r.x12).toBeUndefined();
    expect(
      createHash('sha256')
        .update(JSON.stringify([r.rejected, r.batchProblems, r.controlNumbers]))
        .digest('hex'),
    ).toBe('daa93e9c7cbde3359d02fb7c44e2a5e2782b94209a47b67f124f6636a8d28590');
  });
});
