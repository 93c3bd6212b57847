import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { line, snapshot } from '../../test/snapshots';
import { patientControlNumber } from './control-numbers';
import {
  DIAGNOSIS_FIELDS,
  FIELDS,
  type FieldPosition,
  GRID,
  SERVICE_FIELDS,
  SERVICE_ROW_STEP,
} from './cms1500-layout';
import { fillCms1500, renderCms1500 } from './cms1500-pdf';

interface PageText {
  /** The page's 12-point Courier text, character by character on the 85 × 66 grid (1-based). */
  grid: string[][];
  /** Every text on the page, labels included. */
  all: string[];
}

/** Reads a PDF back (unpdf, in its own process) and puts every data character where it sits on the grid. */
function readPages(pdf: Uint8Array, offset = { x: 0, y: 0 }): PageText[] {
  const run = spawnSync(process.execPath, [join(__dirname, '../../test/read-pdf.mjs')], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`reading the PDF failed: ${run.stderr.toString()}`);
  const pages = JSON.parse(run.stdout.toString()) as { str: string; transform: number[] }[][];
  return pages.map((items) => {
    const grid = Array.from({ length: GRID.lines + 2 }, () => Array<string>(GRID.columns + 2).fill(' '));
    for (const item of items) {
      const [size, , , , x, baseline] = item.transform;
      if (Math.round(size) !== 12) continue;
      // Courier at 12 points: every character is one 7.2-point column wide.
      const line = Math.floor((792 - baseline - offset.y) / GRID.lineHeight) + 1;
      const col = Math.round((x - offset.x) / GRID.columnWidth) + 1;
      [...item.str].forEach((ch, i) => {
        if (ch !== ' ') grid[line][col + i] = ch;
      });
    }
    return { grid, all: items.map((i) => i.str).filter(Boolean) };
  });
}

/** What a box holds, or undefined when it is empty. */
function cell(page: PageText, pos: FieldPosition, row = 0): string | undefined {
  const text = page.grid[pos.line + row * SERVICE_ROW_STEP]
    .slice(pos.col, pos.col + pos.width)
    .join('')
    .trim();
  return text || undefined;
}

const pcn = patientControlNumber(77);
const eightLines = snapshot(77, {
  diagnoses: ['F411', 'F329', 'F4310'],
  lines: Array.from({ length: 8 }, (_, i) =>
    line(pcn, i + 1, {
      serviceDate: `2026-09-${String(i + 1).padStart(2, '0')}`,
      modifiers: i === 0 ? ['HO', '95'] : [],
      chargeCents: 15050 + i,
      diagnosisPointers: i === 0 ? [1, 3] : [2],
    }),
  ),
});

describe('CMS-1500 (02/12) PDF', () => {
  let full: PageText[];
  let dataOnly: PageText[];

  beforeAll(async () => {
    full = readPages(await renderCms1500(eightLines, { variant: 'full', signedOn: '2026-10-15' }));
    dataOnly = readPages(await renderCms1500(eightLines, { variant: 'data', offset: { x: 3, y: -2 } }), {
      x: 3,
      y: -2,
    });
  });

  it('puts 6 lines on the first page and continues on a second, each page totalled', () => {
    expect(full).toHaveLength(2);
    expect(cell(full[0], FIELDS.page)).toBe('PAGE 1 OF 2');
    expect(cell(full[1], FIELDS.page)).toBe('PAGE 2 OF 2');
    // 6 × $150.50 + 15 cents (the charges grow by a cent a line), then $150.56 + $150.57
    expect(cell(full[0], FIELDS.box28Dollars)).toBe('903');
    expect(cell(full[0], FIELDS.box28Cents)).toBe('15');
    expect(cell(full[1], FIELDS.box28Dollars)).toBe('301');
    expect(cell(full[1], FIELDS.box28Cents)).toBe('13');
    expect(cell(full[1], SERVICE_FIELDS.fromDay, 0)).toBe('07');
    expect(cell(full[1], SERVICE_FIELDS.fromDay, 2)).toBeUndefined();
  });

  it.each([
    ['full', () => full],
    ['data only', () => dataOnly],
  ])('fills boxes 1a, 2, 21, 23, 24A-J, 25, 26, 28, 32 and 33 (%s)', (_variant, pages) => {
    const [page] = pages();
    expect(cell(page, FIELDS.box1a)).toBe('XJ12345678');
    expect(cell(page, FIELDS.box1Group)).toBe('X');
    expect(cell(page, FIELDS.box2)).toBe('DOE, JANE, Q');
    expect(cell(page, FIELDS.box3Month)).toBe('04');
    expect(cell(page, FIELDS.box3Year)).toBe('1985');
    expect(cell(page, FIELDS.box3Female)).toBe('X');
    expect(cell(page, FIELDS.box6Self)).toBe('X');
    expect(cell(page, FIELDS.box21Indicator)).toBe('0');
    expect([0, 1, 2, 3].map((i) => cell(page, DIAGNOSIS_FIELDS[i]))).toEqual([
      'F41.1',
      'F32.9',
      'F43.10',
      undefined,
    ]);
    expect(cell(page, FIELDS.box23)).toBe('AUTH-778');
    // 24A-J of the first row
    expect(
      ['fromMonth', 'fromDay', 'fromYear', 'toMonth', 'toDay', 'toYear'].map((f) =>
        cell(page, SERVICE_FIELDS[f as 'fromDay']),
      ),
    ).toEqual(['09', '01', '26', '09', '01', '26']);
    expect(cell(page, SERVICE_FIELDS.placeOfService)).toBe('11');
    expect(cell(page, SERVICE_FIELDS.procedure)).toBe('90837');
    expect(cell(page, SERVICE_FIELDS.modifier1)).toBe('HO');
    expect(cell(page, SERVICE_FIELDS.modifier2)).toBe('95');
    expect(cell(page, SERVICE_FIELDS.pointer)).toBe('AC');
    expect(cell(page, SERVICE_FIELDS.chargeDollars)).toBe('150');
    expect(cell(page, SERVICE_FIELDS.chargeCents)).toBe('50');
    expect(cell(page, SERVICE_FIELDS.units)).toBe('1');
    expect(cell(page, SERVICE_FIELDS.qualifier)).toBe('ZZ');
    expect(cell(page, SERVICE_FIELDS.renderingTaxonomy)).toBe('1041C0700X');
    expect(cell(page, SERVICE_FIELDS.renderingNpi)).toBe('1245319599');
    // the sixth row, and its pointer letter
    expect(cell(page, SERVICE_FIELDS.fromDay, 5)).toBe('06');
    expect(cell(page, SERVICE_FIELDS.pointer, 5)).toBe('B');
    expect(cell(page, SERVICE_FIELDS.chargeCents, 5)).toBe('55');
    expect(cell(page, FIELDS.box25)).toBe('123456789');
    expect(cell(page, FIELDS.box25Ein)).toBe('X');
    expect(cell(page, FIELDS.box25Ssn)).toBeUndefined();
    expect(cell(page, FIELDS.box26)).toBe(pcn);
    expect(cell(page, FIELDS.box27Yes)).toBe('X');
    expect(cell(page, FIELDS.box32Name)).toBe('RIVERSIDE COUNSELING EAST');
    expect(cell(page, FIELDS.box32Street)).toBe('400 ELM ST');
    expect(cell(page, FIELDS.box32City)).toBe('PORTLAND OR 97214');
    expect(cell(page, FIELDS.box32a)).toBe('1234567893');
    expect(cell(page, FIELDS.box33Name)).toBe('RIVERSIDE COUNSELING, LLC');
    expect(cell(page, FIELDS.box33Street)).toBe('12 MAIN ST SUITE 4');
    expect(cell(page, FIELDS.box33City)).toBe('PORTLAND OR 97201-1234');
    expect(cell(page, FIELDS.box33Phone)).toBe('(503)555-0100');
    expect(cell(page, FIELDS.box33a)).toBe('1234567893');
    expect(cell(page, FIELDS.box33b)).toBe('ZZ101YP2500X');
    expect(cell(page, FIELDS.box12)).toBe('SIGNATURE ON FILE');
  });

  it('draws the form’s labels only in the full variant', () => {
    const label = "1a. INSURED'S I.D. NUMBER (For Program in Item 1)";
    expect(full[0].all.join(' ')).toContain('HEALTH INSURANCE CLAIM FORM');
    expect(full[0].all).toContain(label);
    expect(dataOnly[0].all).not.toContain(label);
    expect(dataOnly[0].all.join(' ')).not.toContain('HEALTH INSURANCE CLAIM FORM');
    expect(cell(full[0], FIELDS.box31Date)).toBe('10/15/26');
  });

  it('shows a dependent client with the subscriber in boxes 4, 7 and 11a, and a replacement in box 22', () => {
    const child = snapshot(5, {
      frequencyCode: '7',
      originalClaimNumber: 'PAYER-55',
      subscriber: {
        lastName: 'Roe',
        firstName: 'Pat',
        memberId: 'M1',
        birthDate: '1970-01-30',
        sex: 'M',
        address: { line1: '9 Birch Rd', city: 'Salem', state: 'OR', postalCode: '97301' },
      },
      patient: { ...snapshot().patient, relationshipToSubscriber: 'child' },
      billingProvider: { ...snapshot().billingProvider, taxId: { kind: 'ssn', value: '123-45-6789' } },
      serviceFacility: undefined,
      acceptAssignment: false,
    });
    const [page] = fillCms1500(child);
    expect(page.fields).toMatchObject({
      box4: 'ROE, PAT',
      box6Child: 'X',
      box7Street: '9 BIRCH RD',
      box11aYear: '1970',
      box11aMale: 'X',
      box22Code: '7',
      box22Original: 'PAYER-55',
      box25Ssn: 'X',
      box27No: 'X',
    });
    expect(page.fields.box6Self).toBeUndefined();
    expect(page.fields.box32Name).toBeUndefined();
    expect(page.fields.page).toBeUndefined();
  });
});
