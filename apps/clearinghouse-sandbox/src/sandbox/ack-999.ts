import type { ElementError, Finding, Segment, SegmentError, TransactionAckInput } from '@claimline/x12';

/** IK4 element error code (621) for a validator finding about an element. */
const ELEMENT_CODES: Record<string, string> = {
  'missing-element': '1',
  'syntax-rule': '2',
  'too-many-elements': '3',
  'invalid-code': '7',
  'element-not-used': 'I10',
  'too-many-components': '13',
  'trailing-separator': '6',
  'hl-sequence': 'I12',
  'hl-duplicate': 'I12',
  'hl-parent': 'I12',
  'lx-sequence': 'I12',
};

/** IK3 segment error code (620) for a validator finding about a segment or a loop. */
const SEGMENT_CODES: Record<string, string> = {
  'missing-segment': '3',
  'missing-loop': 'I7',
  'not-used': 'I4',
  'unexpected-segment': '2',
  'max-use': '5',
  'loop-repeat': '4',
};

/** IK5 transaction error code (618) for findings about the transaction's trailer. */
const TRANSACTION_CODES: Record<string, string> = { 'se-count': '4', 'se-control': '3' };

/** Which element a finding names: `CLM05-01` → position 5, component 1; else the HL/LX number's own. */
function elementOf(f: Finding): { position: number; component?: number } | null {
  const ref = f.segmentId && new RegExp(`\\b${f.segmentId}(\\d{2})(?:-(\\d{1,2}))?\\b`).exec(f.message);
  if (ref) return { position: Number(ref[1]), ...(ref[2] ? { component: Number(ref[2]) } : {}) };
  const rule = /syntax rule [A-Z](\d{2})/.exec(f.message);
  if (rule) return { position: Number(rule[1]) };
  if (f.code === 'hl-parent') return { position: 2 };
  if (f.code.startsWith('hl-') || f.code === 'lx-sequence') return { position: 1 };
  return null;
}

function elementCode(f: Finding): string {
  if (f.code === 'element-format') return / date/.test(f.message) ? '8' : / time/.test(f.message) ? '9' : '6';
  if (f.code === 'element-length') {
    const m = /has length (\d+), expected (\d+)/.exec(f.message);
    return m && Number(m[1]) < Number(m[2]) ? '4' : '5';
  }
  return ELEMENT_CODES[f.code] ?? '6';
}

/**
 * The 999 answer for one transaction (ST…SE) from the validator's findings inside it: IK3 per
 * segment in error (its position counted from ST = 1), IK4 per element, IK5 rejected (R) when
 * any finding is an error, accepted with errors (E) when only warnings.
 */
export function transactionAck(
  st: Segment,
  findings: readonly Finding[],
  version: string,
): TransactionAckInput {
  const trailerCodes = new Set<string>();
  const bySegment = new Map<number, { id: string; code: string; elements: ElementError[] }>();
  for (const f of findings) {
    if (TRANSACTION_CODES[f.code]) {
      trailerCodes.add(TRANSACTION_CODES[f.code]);
      continue;
    }
    const n = f.segmentNumber ?? st.number;
    const entry = bySegment.get(n) ?? { id: f.segmentId ?? 'ST', code: '8', elements: [] };
    bySegment.set(n, entry);
    const segmentCode = SEGMENT_CODES[f.code];
    const element = segmentCode ? null : elementOf(f);
    if (segmentCode || !element) {
      entry.code = segmentCode ?? '2';
      continue;
    }
    entry.elements.push({
      position: element.position,
      ...(element.component ? { componentPosition: element.component } : {}),
      code: elementCode(f),
    });
  }
  const segmentErrors: SegmentError[] = [...bySegment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, e]) => ({
      segmentId: e.id,
      position: n - st.number + 1,
      code: e.elements.length ? '8' : e.code,
      elementErrors: e.elements.slice(0, 99),
    }));
  const errors = findings.some((f) => f.severity === 'error');
  const base = { setId: st.fields[1] ?? '837', controlNumber: st.fields[2] ?? '', version };
  if (!findings.length) return { ...base, status: 'accepted' };
  const codes = [...trailerCodes];
  if (segmentErrors.length) codes.push('5');
  return {
    ...base,
    status: errors ? 'rejected' : 'accepted-with-errors',
    errorCodes: (codes.length ? codes : ['5']).slice(0, 5),
    segmentErrors,
  };
}
