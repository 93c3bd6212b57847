import { isDate, isTime } from './dates';
import type { Finding } from './errors';
import { CODE_SETS, DATA_ELEMENTS } from './generated/data-elements';
import type {
  CompositeData,
  ElementData,
  LoopData,
  SegmentData,
  SimpleElementData,
  TxMapData,
} from './map-types';
import { type Segment, tokenize } from './tokenizer';

interface Frame {
  readonly loop: LoopData;
  idx: number;
  readonly counts: number[];
}

export interface ValidationReport {
  readonly findings: Finding[];
  readonly segmentCount: number;
  readonly transactionCount: number;
}

const isComposite = (e: ElementData): e is CompositeData =>
  Array.isArray(e[3]) && typeof e[3][0] === 'object';

/**
 * Checks an interchange against an implementation-guide map (generated from pyx12): loop and
 * segment order, required loops/segments/elements, max use and repeat, element lengths,
 * code lists, syntax rules, and envelope counts/control numbers and HL parent links.
 */
export function validate(input: string | Uint8Array | readonly Segment[], map: TxMapData): ValidationReport {
  const findings: Finding[] = [];
  let segments: readonly Segment[];
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const t = tokenize(input);
    if (t.error)
      findings.push({
        severity: 'error',
        code: 'syntax',
        message: t.error.message,
        segmentNumber: t.error.segmentNumber,
      });
    segments = t.segments;
  } else segments = input;

  const { segs } = map;
  const stack: Frame[] = [{ loop: map.root, idx: -1, counts: [] }];
  const add = (
    seg: Segment | undefined,
    code: string,
    message: string,
    severity: Finding['severity'] = 'error',
  ) => findings.push({ severity, code, message, segmentNumber: seg?.number, segmentId: seg?.id });

  const firstSeg = (l: LoopData) => segs[l[4][0] as number];
  const label = (c: LoopData | number) =>
    typeof c === 'number' ? `segment ${segs[c][0]} (${segs[c][1]})` : `loop ${c[0]} (${c[1]})`;

  const missingBetween = (f: Frame, from: number, to: number, at: Segment | undefined) => {
    const children = f.loop[4];
    for (let j = Math.max(from, 0); j < to; j++) {
      const c = children[j];
      const usage = typeof c === 'number' ? segs[c][2] : c[2];
      if (usage === 'R' && !f.counts[j])
        add(
          at,
          typeof c === 'number' ? 'missing-segment' : 'missing-loop',
          `missing required ${label(c)} in loop ${f.loop[0]}`,
        );
    }
  };
  const close = (depth: number, at: Segment | undefined) => {
    while (stack.length > depth + 1) {
      const f = stack.pop()!;
      missingBetween(f, f.idx + 1, f.loop[4].length, at);
    }
  };

  const place = (seg: Segment): void => {
    for (let d = stack.length - 1; d >= 0; d--) {
      const f = stack[d];
      const children = f.loop[4];
      // a loop's first segment starts its next iteration, which the parent frame counts
      for (let i = Math.max(f.idx, d > 0 ? 1 : 0); i < children.length; i++) {
        const c = children[i];
        const sd = typeof c === 'number' ? segs[c] : firstSeg(c);
        if (!matches(sd, seg)) continue;
        close(d, seg);
        if (i === f.idx) f.counts[i]++;
        else {
          missingBetween(f, f.idx + 1, i, seg);
          f.idx = i;
          f.counts[i] = 1;
        }
        const limit = typeof c === 'number' ? sd[3] : c[3];
        if (limit && f.counts[i] > limit)
          add(
            seg,
            typeof c === 'number' ? 'max-use' : 'loop-repeat',
            `${label(c)} used ${f.counts[i]} times, at most ${limit} allowed`,
          );
        const usage = typeof c === 'number' ? sd[2] : c[2];
        if (usage === 'N') add(seg, 'not-used', `${label(c)} is not used in this guide`);
        if (typeof c !== 'number') stack.push({ loop: c, idx: 0, counts: [1] });
        checkElements(sd, seg, add);
        return;
      }
    }
    add(
      seg,
      'unexpected-segment',
      `segment ${seg.id} is not expected here (in loop ${stack[stack.length - 1].loop[0]})`,
    );
  };

  const ta1 = segs.find((s) => s[0] === 'TA1');
  let prev: Segment | undefined;
  let ta1Only = false;
  for (const seg of segments) {
    // X12 puts TA1 between ISA and the first GS; the pyx12 maps list it after the groups
    if (seg.id === 'TA1' && (prev?.id === 'ISA' || prev?.id === 'TA1')) {
      if (ta1) checkElements(ta1, seg, add);
      ta1Only = true;
    } else {
      if (seg.id === 'GS') ta1Only = false;
      if (seg.id === 'IEA' && ta1Only) skipMissingGroup(stack);
      place(seg);
    }
    prev = seg;
  }
  close(0, undefined);
  missingBetween(stack[0], stack[0].idx + 1, stack[0].loop[4].length, undefined);
  const transactionCount = checkEnvelopes(segments, findings);
  return { findings, segmentCount: segments.length, transactionCount };
}

/** An interchange that carries only TA1s has no functional group to miss. */
function skipMissingGroup(stack: Frame[]): void {
  const f = stack[stack.length - 1];
  const gs = f.loop[4].findIndex((c) => typeof c !== 'number' && c[0] === 'GS_LOOP');
  if (gs >= 0 && f.idx < gs) {
    f.idx = gs;
    f.counts[gs] = 1;
  }
}

function matches(sd: SegmentData, seg: Segment): boolean {
  if (sd[0] !== seg.id) return false;
  const first = sd[4][0];
  if (first) {
    if (isComposite(first)) {
      const codes = first[3][0]?.[3];
      if (
        first[1] === 'R' &&
        Array.isArray(codes) &&
        codes.length &&
        !codes.includes(seg.fields[1]?.split(seg.separators.component)[0] ?? '')
      )
        return false;
    } else if (
      first[1] === 'R' &&
      Array.isArray(first[3]) &&
      first[3].length &&
      !first[3].includes(seg.fields[1] ?? '')
    )
      return false;
  }
  if (seg.id === 'HL') {
    const hl03 = sd[4][2] as SimpleElementData | undefined;
    if (hl03 && Array.isArray(hl03[3]) && hl03[3].length && !hl03[3].includes(seg.fields[3] ?? ''))
      return false;
  }
  return true;
}

type Add = (seg: Segment, code: string, message: string) => void;

function checkElements(sd: SegmentData, seg: Segment, add: Add): void {
  const defs = sd[4];
  if (seg.raw.endsWith(seg.separators.element))
    add(seg, 'trailing-separator', `${seg.id} ends with an element separator`);
  const lastSeq = defs.length ? Number(defs[defs.length - 1][0]) : 0;
  if (seg.fields.length - 1 > lastSeq)
    add(seg, 'too-many-elements', `${seg.id} has ${seg.fields.length - 1} elements, at most ${lastSeq}`);
  for (const def of defs) {
    const value = seg.fields[Number(def[0])] ?? '';
    const ref = `${seg.id}${def[0]}`;
    if (value === '') {
      if (def[1] === 'R') add(seg, 'missing-element', `required element ${ref} is missing`);
      continue;
    }
    if (def[1] === 'N') add(seg, 'element-not-used', `element ${ref} is not used in this guide`);
    if (isComposite(def)) {
      const parts = value.split(seg.separators.component);
      if (value.endsWith(seg.separators.component))
        add(seg, 'trailing-separator', `${ref} ends with a component separator`);
      const comps = def[3];
      if (parts.length > comps.length)
        add(seg, 'too-many-components', `${ref} has ${parts.length} components, at most ${comps.length}`);
      for (const comp of comps) {
        const v = parts[Number(comp[0]) - 1] ?? '';
        if (v === '') {
          if (comp[1] === 'R') add(seg, 'missing-element', `required component ${ref}-${comp[0]} is missing`);
        } else checkValue(comp, v, `${ref}-${comp[0]}`, seg, add);
      }
    } else checkValue(def as SimpleElementData, value, ref, seg, add);
    if (def[2] === '1251') checkPeriod(seg.fields[Number(def[0]) - 1] ?? '', value, ref, seg, add);
  }
  if (sd[5]) checkSyntax(sd[5], seg, add);
}

function checkValue(def: SimpleElementData, value: string, ref: string, seg: Segment, add: Add): void {
  const de = DATA_ELEMENTS[def[2]];
  if (de) {
    const [type, min, max] = de;
    let len = value.length;
    if (type === 'R' || type.startsWith('N')) {
      if (!(type === 'R' ? /^-?(\d+\.?\d*|\.\d+)$/ : /^-?\d+$/).test(value))
        add(seg, 'element-format', `${ref} "${value}" is not a ${type === 'R' ? 'decimal' : 'number'}`);
      len = value.replace(/[-.]/g, '').length;
    } else if ((type === 'DT' && !isDate(value)) || (type === 'TM' && !isTime(value)))
      add(seg, 'element-format', `${ref} "${value}" is not a ${type === 'DT' ? 'date' : 'time'}`);
    if (len < min || len > max)
      add(
        seg,
        'element-length',
        `${ref} "${value}" has length ${len}, expected ${min === max ? min : `${min}-${max}`}`,
      );
  }
  // pyx12 lists only the 4010 "U" for ISA11; in 00501 it is the repetition separator
  const codes = ref === 'ISA11' ? undefined : def[3];
  const list = typeof codes === 'string' ? CODE_SETS[codes] : codes;
  if (list && list.length && !list.includes(value))
    add(seg, 'invalid-code', `${ref} "${value}" is not a valid code`);
}

/** A date-time period (DE 1251) in the format its qualifier (DE 1250, the element before) names. */
function checkPeriod(format: string, value: string, ref: string, seg: Segment, add: Add): void {
  let ok = true;
  if (format === 'D8') ok = value.length === 8 && isDate(value);
  else if (format === 'RD8') {
    const [from = '', to = '', more] = value.split('-');
    ok =
      more === undefined && from.length === 8 && to.length === 8 && isDate(from) && isDate(to) && from <= to;
  } else if (format === 'DT') ok = value.length === 12 && isDate(value.slice(0, 8)) && isTime(value.slice(8));
  else if (format === 'TM') ok = value.length === 4 && isTime(value);
  if (!ok) add(seg, 'element-format', `${ref} "${value}" is not a valid ${format} date or period`);
}

function checkSyntax(rules: readonly string[], seg: Segment, add: Add): void {
  for (const rule of rules) {
    const kind = rule[0];
    const refs = (rule.slice(1).match(/\d\d/g) ?? []).map(Number);
    const present = refs.map((r) => (seg.fields[r] ?? '') !== '');
    const n = present.filter(Boolean).length;
    const bad =
      (kind === 'P' && n > 0 && n < refs.length) ||
      (kind === 'R' && n === 0) ||
      (kind === 'E' && n > 1) ||
      (kind === 'C' && present[0] && n < refs.length) ||
      (kind === 'L' && present[0] && n < 2);
    if (bad) add(seg, 'syntax-rule', `${seg.id} breaks syntax rule ${rule}`);
  }
}

/** Envelope checks: SE/GE/IEA counts and control numbers, HL numbering and parent links. Returns the number of transactions. */
export function checkEnvelopes(segments: readonly Segment[], findings: Finding[]): number {
  const add = (seg: Segment, code: string, message: string) =>
    findings.push({ severity: 'error', code, message, segmentNumber: seg.number, segmentId: seg.id });
  const interchanges = new Set<string>();
  let lastHl = 0;
  let lastLx = 0;
  let lxSeen = new Set<string>();
  let isa: Segment | undefined;
  let gs: Segment | undefined;
  let st: Segment | undefined;
  let groups = 0;
  let sets = 0;
  let total = 0;
  let hls = new Set<string>();
  for (const seg of segments) {
    switch (seg.id) {
      case 'ISA':
        isa = seg;
        groups = 0;
        if (interchanges.has(seg.fields[13]))
          add(seg, 'isa-duplicate', `ISA13 ${seg.fields[13]} is used by an earlier interchange`);
        interchanges.add(seg.fields[13]);
        break;
      case 'GS':
        gs = seg;
        sets = 0;
        groups++;
        break;
      case 'ST':
        st = seg;
        sets++;
        total++;
        hls = new Set();
        lastHl = lastLx = 0;
        lxSeen = new Set();
        break;
      case 'CLM':
        lastLx = 0;
        break;
      case 'LX': {
        const n = seg.fields[1] ?? '';
        // the 837 numbers lines 1, 2, 3… within each claim; other guides only need them unique
        if (st?.fields[1] === '837' ? n !== String(lastLx + 1) : lxSeen.has(n))
          add(seg, 'lx-sequence', `LX01 ${n} is out of sequence (expected ${lastLx + 1})`);
        lastLx = Number(n) || lastLx + 1;
        lxSeen.add(n);
        break;
      }
      case 'HL': {
        const [, id, parent] = seg.fields;
        if (hls.has(id)) add(seg, 'hl-duplicate', `HL01 ${id} is used twice`);
        else if (id !== String(lastHl + 1))
          add(seg, 'hl-sequence', `HL01 ${id} is out of sequence (expected ${lastHl + 1})`);
        lastHl = Number(id) || lastHl + 1;
        if (parent && !hls.has(parent))
          add(seg, 'hl-parent', `HL02 ${parent} does not refer to an earlier HL`);
        hls.add(id);
        break;
      }
      case 'SE':
        if (st) {
          const count = seg.number - st.number + 1;
          if (seg.fields[1] !== String(count))
            add(seg, 'se-count', `SE01 is ${seg.fields[1]}, the transaction has ${count} segments`);
          if (seg.fields[2] !== st.fields[2])
            add(seg, 'se-control', `SE02 ${seg.fields[2]} does not match ST02 ${st.fields[2]}`);
        }
        st = undefined;
        break;
      case 'GE':
        if (gs) {
          if (seg.fields[1] !== String(sets))
            add(seg, 'ge-count', `GE01 is ${seg.fields[1]}, the group has ${sets} transactions`);
          if (seg.fields[2] !== gs.fields[6])
            add(seg, 'ge-control', `GE02 ${seg.fields[2]} does not match GS06 ${gs.fields[6]}`);
        }
        gs = undefined;
        break;
      case 'IEA':
        if (isa) {
          if (seg.fields[1] !== String(groups))
            add(seg, 'iea-count', `IEA01 is ${seg.fields[1]}, the interchange has ${groups} groups`);
          if (seg.fields[2] !== isa.fields[13])
            add(seg, 'iea-control', `IEA02 ${seg.fields[2]} does not match ISA13 ${isa.fields[13]}`);
        }
        isa = undefined;
        break;
    }
  }
  return total;
}
