import { formatCents, formatQuantity } from './amount';
import {
  cas,
  Checker,
  codeList,
  ID_QUALIFIERS,
  joinTrimmed,
  makeCleaner,
  pad2,
  type Problem,
  type WriteOptions,
} from './write-common';
export type { Problem, WriteOptions } from './write-common';
import type { CasAdjustment, Claim837, ClaimBatch837, PersonName, PostalAddress } from './claim-837p';
import { CODE_SETS } from './generated/data-elements';
import { MAP_837P } from './generated/map-837p';

export interface ClaimRejection {
  readonly claimId: string;
  readonly index: number;
  readonly problems: Problem[];
}

export interface Write837Result {
  /** The interchange, or undefined when no claim could be written. */
  readonly x12?: string;
  readonly written: string[];
  readonly rejected: ClaimRejection[];
  /** Problems with the batch itself (submitter, billing provider...): nothing is written. */
  readonly batchProblems: Problem[];
  readonly controlNumbers: {
    readonly interchange: string;
    readonly group: string;
    readonly transaction: string;
  };
}

export const MAX_DIAGNOSES = 12;
export const MAX_LINES = 50;
const FILING_INDICATORS = codeList(MAP_837P, 'SBR', '09');
const PLACES_OF_SERVICE = CODE_SETS['pos'];
const ICD10 = /^[A-TV-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/;
const PO_BOX = /\bP\.?\s*O\.?\s*BOX\b|\bPOST\s+OFFICE\s+BOX\b/i;

function checkBatch(b: ClaimBatch837, separators: string): Problem[] {
  const c = new Checker(undefined);
  c.code('interchangeSender.qualifier', b.interchangeSender?.qualifier, ID_QUALIFIERS, 'ISA05 code list');
  c.code('interchangeReceiver.qualifier', b.interchangeReceiver?.qualifier, ID_QUALIFIERS, 'ISA07 code list');
  for (const f of ['applicationSender', 'applicationReceiver'] as const)
    if (!/^[\x20-\x7e]{2,15}$/.test(b[f] ?? '') || [...(b[f] ?? '')].some((ch) => separators.includes(ch)))
      c.fail(
        f,
        `${f === 'applicationSender' ? 'GS02' : 'GS03'} is 2-15 characters`,
        `"${b[f] ?? ''}" is not valid`,
      );
  c.text('submitter.name', b.submitter?.name, 'NM103 submitter name is required');
  c.text('submitter.id', b.submitter?.id, 'NM109 submitter id is required');
  c.text('submitter.contactName', b.submitter?.contactName, 'PER02 submitter contact is required');
  if (!/^\d{10}$/.test(b.submitter?.phone ?? ''))
    c.fail(
      'submitter.phone',
      'PER04 phone is 10 digits',
      `"${b.submitter?.phone ?? ''}" is not a phone number`,
    );
  c.text('receiver.name', b.receiver?.name, 'NM103 receiver name is required');
  c.text('receiver.id', b.receiver?.id, 'NM109 receiver id is required');
  c.text('interchangeSender.id', b.interchangeSender?.id, 'ISA06 is required');
  c.text('interchangeReceiver.id', b.interchangeReceiver?.id, 'ISA08 is required');
  if (b.interchangeSender?.id)
    c.exact('interchangeSender.id', b.interchangeSender.id, 15, separators, 'ISA06 is 1-15 characters');
  if (b.interchangeReceiver?.id)
    c.exact('interchangeReceiver.id', b.interchangeReceiver.id, 15, separators, 'ISA08 is 1-15 characters');
  c.text('batchId', b.batchId, 'BHT03 is required');
  if (!(b.createdAt instanceof Date) || Number.isNaN(b.createdAt.getTime()))
    c.fail('createdAt', 'creation date is required', 'is not a date');
  const bp = b.billingProvider;
  if (!bp) {
    c.fail('billingProvider', 'loop 2010AA is required', 'is required');
    return c.problems;
  }
  c.text('billingProvider.name', bp.name, 'NM103 is required');
  if (bp.entity === 'person')
    c.text('billingProvider.firstName', bp.firstName, 'NM104 is required for a person');
  c.npi('billingProvider.npi', bp.npi);
  const tin = (bp.taxId?.value ?? '').replace(/-/g, '');
  if (!bp.taxId || (bp.taxId.kind !== 'EIN' && bp.taxId.kind !== 'SSN') || !/^\d{9}$/.test(tin))
    c.fail('billingProvider.taxId', 'REF*EI (EIN) or REF*SY (SSN), 9 digits', 'is missing or not 9 digits');
  c.address('billingProvider.address', bp.address, true);
  if (bp.address && PO_BOX.test(`${bp.address.line1} ${bp.address.line2 ?? ''}`))
    c.fail(
      'billingProvider.address',
      'the billing provider address cannot be a PO box (use payToAddress, loop 2010AB)',
      'is a PO box',
    );
  if (b.payToAddress) c.address('payToAddress', b.payToAddress);
  if (bp.taxonomy !== undefined && !/^[0-9A-Z]{9}X$/.test(bp.taxonomy))
    c.fail(
      'billingProvider.taxonomy',
      'PRV03 is a 10-character taxonomy code',
      `"${bp.taxonomy}" is not a taxonomy code`,
    );
  return c.problems;
}

function checkClaim(claim: Claim837, i: number, separators: string): Problem[] {
  const c = new Checker(claim.id || `#${i + 1}`);
  const p = `claims[${i}]`;
  c.exact(`${p}.id`, claim.id, 38, separators, 'CLM01 is 1-38 characters, without separators');
  c.code(`${p}.claimFilingIndicator`, claim.claimFilingIndicator, FILING_INDICATORS, 'SBR09 code list');
  const s = claim.subscriber;
  if (!s) c.fail(`${p}.subscriber`, 'loop 2010BA is required', 'is required');
  else {
    c.text(`${p}.subscriber.lastName`, s.lastName, 'NM103 is required');
    c.text(`${p}.subscriber.memberId`, s.memberId, 'NM109 member id is required');
    if (!claim.patient) {
      c.address(`${p}.subscriber.address`, s.address);
      c.date(`${p}.subscriber.birthDate`, s.birthDate);
      if (!s.gender)
        c.fail(
          `${p}.subscriber.gender`,
          'DMG03 is required when the subscriber is the patient',
          'is required',
        );
    }
  }
  if (claim.patient) {
    const pt = claim.patient;
    c.text(`${p}.patient.lastName`, pt.lastName, 'NM103 is required');
    c.address(`${p}.patient.address`, pt.address);
    c.date(`${p}.patient.birthDate`, pt.birthDate);
    if (!pt.gender) c.fail(`${p}.patient.gender`, 'DMG03 is required', 'is required');
    if (!['01', '19', '20', '21', '39', '40', '53', 'G8'].includes(pt.relationship))
      c.fail(`${p}.patient.relationship`, 'PAT01 code list', `"${pt.relationship}" is not valid`);
  }
  c.text(`${p}.payer.name`, claim.payer?.name, 'NM103 payer name is required');
  c.text(`${p}.payer.id`, claim.payer?.id, 'NM109 payer id is required');
  if (!PLACES_OF_SERVICE.includes(claim.placeOfService ?? ''))
    c.fail(
      `${p}.placeOfService`,
      'CLM05-1 is a CMS place of service code',
      `"${claim.placeOfService ?? ''}" is not valid`,
    );
  if (!['1', '7', '8'].includes(claim.frequencyCode))
    c.fail(`${p}.frequencyCode`, 'CLM05-3 is 1, 7 or 8', `"${claim.frequencyCode}" is not valid`);
  if ((claim.frequencyCode === '7' || claim.frequencyCode === '8') && !claim.originalClaimNumber)
    c.fail(
      `${p}.originalClaimNumber`,
      'REF*F8 is required for a replacement or void (frequency 7/8)',
      'is required',
    );
  const dx = claim.diagnoses ?? [];
  if (dx.length === 0)
    c.fail(`${p}.diagnoses`, 'HI (ABK) principal diagnosis is required', 'has no diagnosis');
  if (dx.length > MAX_DIAGNOSES)
    c.fail(`${p}.diagnoses`, `at most ${MAX_DIAGNOSES} diagnoses (HI01-HI12)`, `has ${dx.length} diagnoses`);
  dx.forEach((d, j) => {
    if (!ICD10.test(d.toUpperCase()))
      c.fail(`${p}.diagnoses[${j}]`, 'ICD-10-CM code (ABK/ABF)', `"${d}" is not an ICD-10-CM code`);
  });
  if (new Set(dx.map(icd)).size !== dx.length)
    c.fail(`${p}.diagnoses`, 'a diagnosis code is listed once', 'has duplicates');
  if (claim.renderingProvider) {
    c.text(`${p}.renderingProvider.lastName`, claim.renderingProvider.lastName, 'NM103 is required');
    c.npi(`${p}.renderingProvider.npi`, claim.renderingProvider.npi);
  }
  if (claim.serviceFacility) {
    c.text(`${p}.serviceFacility.name`, claim.serviceFacility.name, 'NM103 is required');
    if (claim.serviceFacility.npi) c.npi(`${p}.serviceFacility.npi`, claim.serviceFacility.npi);
    c.address(`${p}.serviceFacility.address`, claim.serviceFacility.address);
  }
  const lines = claim.lines ?? [];
  if (lines.length === 0) c.fail(`${p}.lines`, 'at least one service line (loop 2400)', 'has no lines');
  if (lines.length > MAX_LINES)
    c.fail(`${p}.lines`, `at most ${MAX_LINES} service lines (loop 2400)`, `has ${lines.length} lines`);
  lines.forEach((l, j) => {
    const lp = `${p}.lines[${j}]`;
    if (!/^[A-Z0-9]{5}$/i.test(l.procedure ?? ''))
      c.fail(
        `${lp}.procedure`,
        'SV101-2 is a 5-character CPT/HCPCS code',
        `"${l.procedure ?? ''}" is not valid`,
      );
    const mods = l.modifiers ?? [];
    if (mods.length > 4) c.fail(`${lp}.modifiers`, 'at most 4 modifiers (SV101-3..6)', `has ${mods.length}`);
    mods.forEach((m, k) => {
      if (!/^[A-Z0-9]{2}$/i.test(m))
        c.fail(`${lp}.modifiers[${k}]`, 'a modifier is 2 characters', `"${m}" is not valid`);
    });
    c.money(`${lp}.charge`, l.charge, true);
    if (!(l.units > 0) || !Number.isFinite(l.units))
      c.fail(`${lp}.units`, 'SV104 units greater than 0', `${l.units} is not valid`);
    c.date(`${lp}.serviceDate`, l.serviceDate);
    if (l.lineId !== undefined)
      c.exact(`${lp}.lineId`, l.lineId, 50, separators, 'REF*6R is 1-50 characters, without separators');
    const ptr = l.diagnosisPointers ?? [];
    if (ptr.length === 0 || ptr.length > 4)
      c.fail(`${lp}.diagnosisPointers`, 'SV107 has 1 to 4 diagnosis pointers', `has ${ptr.length}`);
    ptr.forEach((n) => {
      if (!Number.isInteger(n) || n < 1 || n > dx.length)
        c.fail(
          `${lp}.diagnosisPointers`,
          'a pointer refers to one of the claim diagnoses',
          `pointer ${n} has no diagnosis`,
        );
    });
  });
  if ((claim.payerResponsibility === 'S' || claim.payerResponsibility === 'T') && !claim.priorPayers?.length)
    c.fail(
      `${p}.priorPayers`,
      'a secondary or tertiary claim carries the prior payer adjudication (loop 2320)',
      'is required',
    );
  (claim.priorPayers ?? []).forEach((pp, j) => checkPriorPayer(c, claim, pp, `${p}.priorPayers[${j}]`));
  (claim.priorPayers ?? []).forEach((pp, j) =>
    c.code(
      `${p}.priorPayers[${j}].claimFilingIndicator`,
      pp.claimFilingIndicator,
      FILING_INDICATORS,
      'SBR09 code list',
    ),
  );
  if ((claim.priorPayers ?? []).length > 10)
    c.fail(`${p}.priorPayers`, 'at most 10 other payers (loop 2320)', 'has too many');
  return c.problems;
}

function checkPriorPayer(
  c: Checker,
  claim: Claim837,
  pp: NonNullable<Claim837['priorPayers']>[number],
  p: string,
): void {
  c.text(`${p}.payer.name`, pp.payer?.name, 'NM103 other payer name is required');
  c.text(`${p}.payer.id`, pp.payer?.id, 'NM109 other payer id is required');
  c.text(`${p}.subscriber.lastName`, pp.subscriber?.lastName, 'NM103 other subscriber is required');
  c.text(`${p}.subscriber.memberId`, pp.subscriber?.memberId, 'NM109 other subscriber id is required');
  c.text(`${p}.relationship`, pp.relationship, 'SBR02 is required');
  c.money(`${p}.paid`, pp.paid);
  c.date(`${p}.adjudicationDate`, pp.adjudicationDate);
  const total = (claim.lines ?? []).reduce((s, l) => s + l.charge, 0);
  let adjusted = sumCas(pp.claimAdjustments ?? []);
  for (const [k, la] of (pp.lines ?? []).entries()) {
    const lp = `${p}.lines[${k}]`;
    const line = claim.lines?.[la.line];
    if (!line) {
      c.fail(`${lp}.line`, 'line adjudication refers to a claim line', `line ${la.line} does not exist`);
      continue;
    }
    c.money(`${lp}.paid`, la.paid);
    c.date(`${lp}.adjudicationDate`, la.adjudicationDate);
    const lineAdj = sumCas(la.adjustments);
    adjusted += lineAdj;
    if (line.charge - la.paid !== lineAdj)
      c.fail(
        `${lp}.adjustments`,
        'line charge − paid (SVD02) must equal its CAS adjustments',
        `${line.charge} − ${la.paid} ≠ ${lineAdj}`,
      );
  }
  if (total - pp.paid !== adjusted)
    c.fail(
      `${p}.paid`,
      'claim charge − paid (AMT*D) must equal all CAS adjustments',
      `${total} − ${pp.paid} ≠ ${adjusted}`,
    );
}

const sumCas = (a: readonly CasAdjustment[]): number => a.reduce((s, x) => s + x.amount, 0);
const icd = (d: string): string => d.replace('.', '').toUpperCase();
/** YYYY-MM-DD (checked before writing) to CCYYMMDD. */
const d8 = (iso: string): string => iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8);
const noHyphens = (s: string): string => (s.includes('-') ? s.replace(/-/g, '') : s);

/**
 * Writes an 837P (005010X222A1) interchange. Claims that would break the guide are left
 * out and reported; the other claims are still written. Never throws on bad input data.
 */
export function write837p(batch: ClaimBatch837, options: WriteOptions = {}): Write837Result {
  const E = options.element ?? '*';
  const C = options.component ?? ':';
  const R = options.repetition ?? '^';
  const T = options.segment ?? '~';
  const nl = options.lineBreak ?? '';
  const at =
    batch.createdAt instanceof Date && !Number.isNaN(batch.createdAt.getTime())
      ? batch.createdAt
      : new Date(0);
  const fallback = Math.floor(at.getTime() / 1000) % 1_000_000_000 || 1;
  const cn = batch.controlNumbers ?? {};
  const icn = String(cn.interchange ?? fallback)
    .padStart(9, '0')
    .slice(-9);
  const gcn = String(cn.group ?? fallback % 1_000_000_000);
  const tcn = String(cn.transaction ?? 1).padStart(4, '0');
  const controlNumbers = { interchange: icn, group: gcn, transaction: tcn };

  const separators = E + C + R + T;
  const batchProblems = checkBatch(batch, separators);
  const claims = batch.claims ?? [];
  if (batchProblems.length) {
    return {
      written: [],
      rejected: claims.map((cl, index) => ({
        claimId: cl?.id ?? `#${index + 1}`,
        index,
        problems: batchProblems,
      })),
      batchProblems,
      controlNumbers,
    };
  }

  const clean = makeCleaner([E, C, R, T]);
  const t = (s: string | undefined, max = 60) =>
    clean(s ?? '')
      .slice(0, max)
      .trim();
  const sep = T + nl;
  // Segments are joined a claim at a time: 10,000 strings live until the end instead of 300,000,
  // which the garbage collector would otherwise copy and promote.
  const chunks: string[] = [];
  const segs: string[] = [];
  let segCount = 0;
  const seg = (...els: (string | undefined)[]) => {
    segs.push(joinTrimmed(els, E));
  };
  const flush = () => {
    chunks.push(segs.join(sep) + sep);
    segCount += segs.length;
    segs.length = 0;
  };
  const comp = (...parts: (string | undefined)[]) => joinTrimmed(parts, C);
  const address = (a: PostalAddress) => {
    seg('N3', t(a.line1, 55), a.line2 ? t(a.line2, 55) : undefined);
    seg('N4', t(a.city, 30), a.state.toUpperCase(), noHyphens(a.postalCode));
  };
  const person = (code: string, n: PersonName, q: string, id: string) =>
    seg(
      'NM1',
      code,
      '1',
      t(n.lastName),
      t(n.firstName, 35),
      t(n.middleName, 25),
      '',
      t(n.suffix, 10),
      q,
      t(id, 80),
    );

  const ymd = `${at.getUTCFullYear()}${pad2(at.getUTCMonth() + 1)}${pad2(at.getUTCDate())}`;
  const hm = `${pad2(at.getUTCHours())}${pad2(at.getUTCMinutes())}`;

  seg('ST', '837', tcn, '005010X222A1');
  seg('BHT', '0019', '00', t(batch.batchId, 30), ymd, hm, 'CH');
  seg('NM1', '41', '2', t(batch.submitter.name), '', '', '', '', '46', t(batch.submitter.id, 80));
  seg(
    'PER',
    'IC',
    t(batch.submitter.contactName),
    'TE',
    batch.submitter.phone,
    batch.submitter.email ? 'EM' : undefined,
    batch.submitter.email ? t(batch.submitter.email, 256) : undefined,
  );
  seg('NM1', '40', '2', t(batch.receiver.name), '', '', '', '', '46', t(batch.receiver.id, 80));

  const bp = batch.billingProvider;
  seg('HL', '1', '', '20', '1');
  if (bp.taxonomy) seg('PRV', 'BI', 'PXC', bp.taxonomy);
  if (bp.entity === 'person')
    seg('NM1', '85', '1', t(bp.name), t(bp.firstName, 35), t(bp.middleName, 25), '', '', 'XX', bp.npi);
  else seg('NM1', '85', '2', t(bp.name), '', '', '', '', 'XX', bp.npi);
  address(bp.address);
  seg('REF', bp.taxId.kind === 'EIN' ? 'EI' : 'SY', bp.taxId.value.replace(/-/g, ''));
  if (batch.payToAddress) {
    seg('NM1', '87', '2');
    address(batch.payToAddress);
  }

  const written: string[] = [];
  const rejected: ClaimRejection[] = [];
  let hl = 1;
  const billingAddress = normalAddress(bp.address);
  claims.forEach((claim, index) => {
    const problems = claim
      ? checkClaim(claim, index, separators)
      : [{ field: `claims[${index}]`, rule: 'a claim is required', message: `claim #${index + 1} is empty` }];
    if (problems.length) {
      rejected.push({ claimId: claim?.id ?? `#${index + 1}`, index, problems });
      return;
    }
    const s = claim.subscriber;
    const subscriberHl = ++hl;
    seg('HL', String(subscriberHl), '1', '22', claim.patient ? '1' : '0');
    seg(
      'SBR',
      claim.payerResponsibility ?? 'P',
      claim.patient ? '' : '18',
      t(s.groupNumber, 50),
      s.groupNumber ? '' : t(s.groupName, 60),
      '',
      '',
      '',
      '',
      claim.claimFilingIndicator,
    );
    person('IL', s, 'MI', s.memberId);
    if (s.address) address(s.address);
    if (!claim.patient && s.birthDate) seg('DMG', 'D8', d8(s.birthDate), s.gender);
    seg('NM1', 'PR', '2', t(claim.payer.name), '', '', '', '', 'PI', t(claim.payer.id, 80));
    if (claim.payer.address) address(claim.payer.address);
    if (claim.patient) {
      const pt = claim.patient;
      seg('HL', String(++hl), String(subscriberHl), '23', '0');
      seg('PAT', pt.relationship);
      seg('NM1', 'QC', '1', t(pt.lastName), t(pt.firstName, 35), t(pt.middleName, 25), '', t(pt.suffix, 10));
      address(pt.address);
      seg('DMG', 'D8', d8(pt.birthDate), pt.gender);
    }
    const total = claim.lines.reduce((sum, l) => sum + l.charge, 0);
    seg(
      'CLM',
      claim.id,
      formatCents(total),
      '',
      '',
      comp(claim.placeOfService, 'B', claim.frequencyCode),
      'Y',
      'A',
      'Y',
      'Y',
    );
    if (claim.priorAuthorization) seg('REF', 'G1', t(claim.priorAuthorization, 50));
    if (claim.originalClaimNumber && claim.frequencyCode !== '1')
      seg('REF', 'F8', t(claim.originalClaimNumber, 50));
    seg('HI', ...claim.diagnoses.map((d, j) => comp(j === 0 ? 'ABK' : 'ABF', icd(d))));
    const rp = claim.renderingProvider;
    if (rp && rp.npi !== bp.npi) {
      person('82', rp, 'XX', rp.npi);
      if (rp.taxonomy) seg('PRV', 'PE', 'PXC', rp.taxonomy);
    }
    const sf = claim.serviceFacility;
    if (sf && normalAddress(sf.address) !== billingAddress) {
      seg('NM1', '77', '2', t(sf.name), '', '', '', '', sf.npi ? 'XX' : undefined, sf.npi);
      address(sf.address);
    }
    for (const pp of claim.priorPayers ?? []) {
      seg(
        'SBR',
        pp.responsibility,
        pp.relationship,
        t(pp.groupNumber, 50),
        '',
        '',
        '',
        '',
        '',
        pp.claimFilingIndicator,
      );
      cas(seg, pp.claimAdjustments ?? []);
      seg('AMT', 'D', formatCents(pp.paid));
      seg('OI', '', '', 'Y', '', '', 'Y');
      person('IL', pp.subscriber, 'MI', pp.subscriber.memberId);
      seg('NM1', 'PR', '2', t(pp.payer.name), '', '', '', '', 'PI', t(pp.payer.id, 80));
      if (!pp.lines?.length) seg('DTP', '573', 'D8', d8(pp.adjudicationDate));
    }
    claim.lines.forEach((l, j) => {
      seg('LX', String(j + 1));
      seg(
        'SV1',
        comp('HC', l.procedure.toUpperCase(), ...(l.modifiers ?? []).map((m) => m.toUpperCase())),
        formatCents(l.charge),
        'UN',
        formatQuantity(l.units),
        '',
        '',
        comp(...l.diagnosisPointers.map(String)),
      );
      seg('DTP', '472', 'D8', d8(l.serviceDate));
      if (l.lineId) seg('REF', '6R', l.lineId);
      for (const pp of claim.priorPayers ?? []) {
        const la = pp.lines?.find((x) => x.line === j);
        if (!la) continue;
        seg(
          'SVD',
          t(pp.payer.id, 80),
          formatCents(la.paid),
          comp('HC', l.procedure.toUpperCase(), ...(l.modifiers ?? []).map((m) => m.toUpperCase())),
          '',
          formatQuantity(la.paidUnits ?? l.units),
        );
        cas(seg, la.adjustments);
        seg('DTP', '573', 'D8', d8(la.adjudicationDate));
      }
    });
    written.push(claim.id);
    flush();
  });

  if (!written.length) return { written, rejected, batchProblems, controlNumbers };
  seg('SE', String(segCount + segs.length + 1), tcn);
  flush();
  const isa = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    batch.interchangeSender.qualifier,
    batch.interchangeSender.id.padEnd(15),
    batch.interchangeReceiver.qualifier,
    batch.interchangeReceiver.id.padEnd(15),
    ymd.slice(2),
    hm,
    R,
    '00501',
    icn,
    batch.acknowledgmentRequested ? '1' : '0',
    batch.usage,
    C,
  ].join(E);
  const gs = [
    'GS',
    'HC',
    batch.applicationSender,
    batch.applicationReceiver,
    ymd,
    hm,
    gcn,
    'X',
    '005010X222A1',
  ].join(E);
  const x12 =
    isa +
    sep +
    gs +
    sep +
    chunks.join('') +
    [['GE', '1', gcn].join(E), ['IEA', '1', icn].join(E)].join(sep) +
    sep;
  return { x12, written, rejected, batchProblems, controlNumbers };
}

/** An address as compared to the billing provider's: a facility at that address is not written. */
function normalAddress(x: PostalAddress): string {
  return [x.line1, x.line2 ?? '', x.city, x.state, x.postalCode.replace(/-/g, '').slice(0, 5)]
    .join('|')
    .toUpperCase()
    .replace(/\s+/g, ' ');
}
