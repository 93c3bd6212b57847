import { centsToDecimalString, sumCents } from '@claimline/domain';
import PDFDocument from 'pdfkit';
import { paginateForCms1500 } from './claim-grouping';
import type { ClaimLineSnapshot, ClaimSnapshot, SnapshotAddress } from './claim-snapshot';
import {
  DIAGNOSIS_FIELDS,
  FIELDS,
  type FieldName,
  type FieldPosition,
  FORM_BOXES,
  GRID,
  SERVICE_FIELDS,
  SERVICE_ROW_STEP,
} from './cms1500-layout';

export type ServiceFieldName = keyof typeof SERVICE_FIELDS;

/** What one CMS-1500 page says, box by box, before any drawing. */
export interface Cms1500Page {
  readonly fields: Partial<Record<FieldName, string>>;
  /** Box 21 A–L. */
  readonly diagnoses: readonly string[];
  /** Box 24, at most 6 rows. */
  readonly rows: ReadonlyArray<Partial<Record<ServiceFieldName, string>>>;
}

export interface Cms1500Options {
  /** `full` draws the form (boxes, labels, shading) with the data; `data` prints only the data, for red pre-printed forms. */
  readonly variant: 'full' | 'data';
  /** Printer alignment in points (right and down), for the data-only variant mostly. */
  readonly offset?: { readonly x: number; readonly y: number };
  /** Box 31 date (ISO), usually the day the claim is printed. */
  readonly signedOn?: string;
}

const FORM_RED = '#c8102e';
const SHADE = '#fbe3e6';
const X = 'X';

const up = (text: string | undefined) => (text ?? '').toUpperCase();

function personName(last: string, first: string, middle?: string, suffix?: string): string {
  return up(`${last}${suffix ? ` ${suffix}` : ''}, ${first}${middle ? `, ${middle.charAt(0)}` : ''}`);
}

const phone = (digits?: string) =>
  digits && /^\d{10}$/.test(digits) ? `(${digits.slice(0, 3)})${digits.slice(3, 6)}-${digits.slice(6)}` : '';

const cityLine = (a: SnapshotAddress) => up(`${a.city} ${a.state} ${a.postalCode}`);
const streetLine = (a: SnapshotAddress) => up([a.line1, a.line2].filter(Boolean).join(' '));

function splitDate(iso: string | undefined): [string, string, string] {
  const [y = '', m = '', d = ''] = (iso ?? '').split('-');
  return [m, d, y];
}

function money(cents: number): [string, string] {
  const [dollars, fraction] = centsToDecimalString(cents).split('.');
  return [dollars, fraction];
}

/** Box 1: the program, from the claim filing indicator (SBR09). */
function programField(indicator: string): FieldName {
  switch (indicator) {
    case 'MA':
    case 'MB':
      return 'box1Medicare';
    case 'MC':
      return 'box1Medicaid';
    case 'CH':
      return 'box1Tricare';
    case 'VA':
      return 'box1Champva';
    case 'FI':
      return 'box1Feca';
    case 'WC':
    case 'ZZ':
    case '11':
      return 'box1Other';
    default:
      return 'box1Group';
  }
}

const RELATIONSHIP_FIELDS = {
  self: 'box6Self',
  spouse: 'box6Spouse',
  child: 'box6Child',
  other: 'box6Other',
} as const satisfies Record<string, FieldName>;

function serviceRow(s: ClaimSnapshot, l: ClaimLineSnapshot): Partial<Record<ServiceFieldName, string>> {
  const [month, day, year] = splitDate(l.serviceDate);
  const [dollars, cents] = money(l.chargeCents);
  const letters = l.diagnosisPointers
    .filter((p) => p >= 1 && p <= 12)
    .map((p) => 'ABCDEFGHIJKL'[p - 1])
    .join('');
  return {
    fromMonth: month,
    fromDay: day,
    fromYear: year.slice(2),
    toMonth: month,
    toDay: day,
    toYear: year.slice(2),
    placeOfService: l.placeOfService,
    procedure: up(l.procedure),
    modifier1: up(l.modifiers[0]),
    modifier2: up(l.modifiers[1]),
    modifier3: up(l.modifiers[2]),
    modifier4: up(l.modifiers[3]),
    pointer: letters,
    chargeDollars: dollars,
    chargeCents: cents,
    units: String(l.units),
    ...(s.renderingProvider.taxonomy
      ? { qualifier: 'ZZ', renderingTaxonomy: up(s.renderingProvider.taxonomy) }
      : {}),
    renderingNpi: s.renderingProvider.npi,
  };
}

/**
 * Fills the form from the snapshot: one page per 6 service lines. Each page is a complete claim
 * form with its own total in box 28 (NUCC: a claim of more than six lines goes on further forms,
 * each totalled), and says which page of how many it is above the carrier block.
 */
export function fillCms1500(s: ClaimSnapshot, options: Pick<Cms1500Options, 'signedOn'> = {}): Cms1500Page[] {
  const pages = paginateForCms1500(s.lines);
  const self = s.patient.relationshipToSubscriber === 'self';
  const p = s.patient;
  const sub = s.subscriber;
  const insuredAddress = self ? p.address : sub.address;
  const insuredBirth = self ? p.birthDate : sub.birthDate;
  const insuredSex = self ? p.sex : sub.sex;
  const [pm, pd, py] = splitDate(p.birthDate);
  const [im, id, iy] = splitDate(insuredBirth);
  const bp = s.billingProvider;
  const payerAddress = s.payer.address;
  const common: Partial<Record<FieldName, string>> = {
    carrierName: up(s.payer.name),
    // The payer's address follows its name with no gap, with or without a second street line.
    ...(payerAddress
      ? payerAddress.line2
        ? {
            carrierLine1: up(payerAddress.line1),
            carrierLine2: up(payerAddress.line2),
            carrierCity: cityLine(payerAddress),
          }
        : { carrierLine1: up(payerAddress.line1), carrierLine2: cityLine(payerAddress) }
      : {}),
    [programField(s.payer.claimFilingIndicator)]: X,
    box1a: up(sub.memberId),
    box2: personName(p.lastName, p.firstName, p.middleName, p.suffix),
    box3Month: pm,
    box3Day: pd,
    box3Year: py,
    ...(p.sex === 'M' ? { box3Male: X } : p.sex === 'F' ? { box3Female: X } : {}),
    box4: personName(sub.lastName, sub.firstName, sub.middleName, sub.suffix),
    box5Street: streetLine(p.address),
    box5City: up(p.address.city),
    box5State: up(p.address.state),
    box5Zip: p.address.postalCode,
    box5Phone: phone(p.phone),
    [RELATIONSHIP_FIELDS[p.relationshipToSubscriber]]: X,
    ...(insuredAddress
      ? {
          box7Street: streetLine(insuredAddress),
          box7City: up(insuredAddress.city),
          box7State: up(insuredAddress.state),
          box7Zip: insuredAddress.postalCode,
        }
      : {}),
    box7Phone: phone(self ? p.phone : sub.phone),
    box11: up(sub.groupNumber),
    ...(insuredBirth ? { box11aMonth: im, box11aDay: id, box11aYear: iy } : {}),
    ...(insuredSex === 'M' ? { box11aMale: X } : insuredSex === 'F' ? { box11aFemale: X } : {}),
    box10aNo: X,
    box10bNo: X,
    box10cNo: X,
    box11c: up(s.payer.planName),
    ...(s.signatureOnFile ? { box12: 'SIGNATURE ON FILE', box13: 'SIGNATURE ON FILE' } : {}),
    box21Indicator: '0',
    ...(s.frequencyCode !== '1'
      ? { box22Code: s.frequencyCode, box22Original: up(s.originalClaimNumber) }
      : {}),
    box23: up(s.authorization?.number),
    box25: bp.taxId.value.replace(/\D/g, ''),
    [bp.taxId.kind === 'ssn' ? 'box25Ssn' : 'box25Ein']: X,
    box26: s.patientControlNumber,
    [s.acceptAssignment ? 'box27Yes' : 'box27No']: X,
    box31Name: up(`${s.renderingProvider.firstName} ${s.renderingProvider.lastName}`),
    box31Credential: up(s.renderingProvider.credential),
    ...(options.signedOn
      ? { box31Date: (([m, d, y]) => `${m}/${d}/${y.slice(2)}`)(splitDate(options.signedOn)) }
      : {}),
    ...(s.serviceFacility
      ? {
          box32Name: up(s.serviceFacility.name),
          box32Street: streetLine(s.serviceFacility.address),
          box32City: cityLine(s.serviceFacility.address),
          box32a: s.serviceFacility.npi ?? '',
        }
      : {}),
    box33Phone: phone(bp.phone),
    box33Name: up(bp.billAs === 'individual' && bp.firstName ? `${bp.firstName} ${bp.name}` : bp.name),
    box33Street: streetLine(bp.address),
    box33City: cityLine(bp.address),
    box33a: bp.npi,
    ...(bp.taxonomy ? { box33b: `ZZ${up(bp.taxonomy)}` } : {}),
  };
  return pages.map((lines, index) => {
    const [dollars, cents] = money(sumCents(lines.map((l) => l.chargeCents)));
    return {
      fields: {
        ...common,
        ...(pages.length > 1 ? { page: `PAGE ${index + 1} OF ${pages.length}` } : {}),
        box28Dollars: dollars,
        box28Cents: cents,
      },
      diagnoses: s.diagnoses.map((d) =>
        d.length > 3 && !d.includes('.') ? `${d.slice(0, 3)}.${d.slice(3)}` : d,
      ),
      rows: lines.map((l) => serviceRow(s, l)),
    };
  });
}

/** Fields whose numbers end at the box's right edge, as a form's money columns do. */
const RIGHT_ALIGNED = new Set<string>(['box28Dollars', 'box29Dollars', 'chargeDollars', 'units']);

/** Left edges of box 24's columns B–J, ruled down through the six rows. */
const SERVICE_COLUMN_RULES = [19, 22, 25, 44, 49, 60, 64, 66, 69];

function drawForm(doc: PDFKit.PDFDocument, dx: number, dy: number) {
  const { columnWidth: cw, lineHeight: lh } = GRID;
  doc.save();
  for (let row = 0; row < 6; row++)
    doc.rect(dx, dy + (42 + row * SERVICE_ROW_STEP) * lh, 85 * cw, lh).fill(SHADE);
  doc.restore();
  doc.lineWidth(0.5).strokeColor(FORM_RED).fillColor(FORM_RED);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('HEALTH INSURANCE CLAIM FORM', dx + 8, dy + 4 * lh + 2, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(5)
    .text('APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', dx + 8, dy + 5 * lh + 2, {
      lineBreak: false,
    });
  for (const [label, top, col, width, height] of FORM_BOXES) {
    const x = dx + (col - 1) * cw;
    const y = dy + (top - 1) * lh;
    doc.rect(x, y, width * cw, height * lh).stroke();
    doc
      .fontSize(4.5)
      .text(label, x + 1.5, y + 1.2, { width: width * cw - 3, height: lh - 1.5, ellipsis: true });
  }
  for (let row = 0; row < 6; row++) {
    const y = dy + (44 + row * SERVICE_ROW_STEP) * lh;
    doc
      .moveTo(dx, y)
      .lineTo(dx + 85 * cw, y)
      .stroke();
    doc.fontSize(6).text(String(row + 1), dx + 85 * cw - 8, y - 2 * lh + 3, { lineBreak: false });
  }
  for (const col of SERVICE_COLUMN_RULES) {
    const x = dx + (col - 1) * cw;
    doc
      .moveTo(x, dy + 42 * lh)
      .lineTo(x, dy + 54 * lh)
      .stroke();
  }
  doc.fontSize(5).text('NUCC Instruction Manual available at: www.nucc.org', dx + 8, dy + 63 * lh + 2, {
    lineBreak: false,
  });
  doc.text('FORM 1500 (02-12)', dx + 70 * cw, dy + 63 * lh + 2, { lineBreak: false });
}

function put(
  doc: PDFKit.PDFDocument,
  pos: FieldPosition,
  value: string | undefined,
  name: string,
  dx: number,
  dy: number,
) {
  if (!value) return;
  const text = value.slice(0, pos.width);
  const col = RIGHT_ALIGNED.has(name) ? pos.col + pos.width - text.length : pos.col;
  doc.text(text, dx + (col - 1) * GRID.columnWidth, dy + (pos.line - 1) * GRID.lineHeight + 1, {
    lineBreak: false,
  });
}

/** Renders the claim as CMS-1500 (02/12) pages in one PDF. */
export function renderCms1500(s: ClaimSnapshot, options: Cms1500Options): Promise<Uint8Array> {
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `CMS-1500 ${s.patientControlNumber}`, Producer: 'Claimline', Creator: 'Claimline' },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of fillCms1500(s, options)) {
    doc.addPage({ size: 'LETTER', margin: 0 });
    if (options.variant === 'full') drawForm(doc, dx, dy);
    // Courier at 12 points is 10 characters per inch: the grid the form is printed for.
    doc.font('Courier').fontSize(12).fillColor('black');
    for (const [name, value] of Object.entries(page.fields))
      put(doc, FIELDS[name as FieldName], value, name, dx, dy);
    page.diagnoses
      .slice(0, DIAGNOSIS_FIELDS.length)
      .forEach((d, i) => put(doc, DIAGNOSIS_FIELDS[i], d, 'diagnosis', dx, dy));
    page.rows.forEach((row, i) => {
      for (const [name, value] of Object.entries(row)) {
        const base = SERVICE_FIELDS[name as ServiceFieldName];
        put(doc, { ...base, line: base.line + i * SERVICE_ROW_STEP }, value, name, dx, dy);
      }
    });
  }
  doc.end();
  return done;
}
