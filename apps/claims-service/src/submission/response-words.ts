import type { SegmentError, TransactionAck } from '@claimline/x12';
import type { ResponseKind } from '@claimline/contracts/claims';

/** IK304: why a segment was refused, in words. */
const SEGMENT_ERRORS: Readonly<Record<string, string>> = {
  '1': 'unrecognized segment',
  '2': 'unexpected segment',
  '3': 'a required segment is missing',
  '4': 'a loop occurs more often than allowed',
  '5': 'the segment occurs more often than allowed',
  '6': 'the segment is not part of this transaction',
  '7': 'the segment is out of order',
  '8': 'the segment has errors in its elements',
  I4: 'a segment the guide says not to use is present',
  I6: 'a segment the guide requires here is missing',
  I7: 'a loop occurs fewer times than the guide requires',
  I8: 'the segment occurs fewer times than the guide requires',
  I9: 'a segment the guide says not to use in this case is present',
};

/** IK403: why an element was refused, in words. */
const ELEMENT_ERRORS: Readonly<Record<string, string>> = {
  '1': 'a required element is missing',
  '2': 'a conditionally required element is missing',
  '3': 'too many elements',
  '4': 'the value is too short',
  '5': 'the value is too long',
  '6': 'the value has a character not allowed',
  '7': 'the code is not a valid value',
  '8': 'the date is not valid',
  '9': 'the time is not valid',
  '10': 'an element excluded by another is present',
  '12': 'too many repetitions',
  '13': 'too many components',
  I6: 'the code is not used by the guide',
  I9: 'an element the guide requires in this case is missing',
  I10: 'an element the guide says not to use is present',
  I11: 'too few repetitions for the guide',
  I12: 'the value does not have the pattern the guide requires',
  I13: 'an element the guide says not to use in this case is present',
};

/** IK5 / AK9 error codes, in words. */
const TRANSACTION_ERRORS: Readonly<Record<string, string>> = {
  '1': 'the transaction type is not supported',
  '2': 'the transaction trailer (SE) is missing',
  '3': 'the control numbers of ST and SE differ',
  '4': 'the segment count in SE is wrong',
  '5': 'one or more segments have errors',
  '6': 'the transaction identifier is not valid',
  '7': 'the transaction control number is missing or not valid',
  '23': 'the transaction control number is not unique in the group',
  I5: 'the implementation guide is not supported',
  I6: 'the implementation guide is not valid',
};

function segmentWords(e: SegmentError): string {
  const what = `segment ${e.segmentId} (segment ${e.position} of the transaction${e.loopId ? `, loop ${e.loopId}` : ''}): ${SEGMENT_ERRORS[e.code] ?? `error ${e.code}`}`;
  const elements = e.elementErrors.map(
    (el) =>
      `element ${e.segmentId}${String(el.position).padStart(2, '0')}${el.componentPosition ? `-${el.componentPosition}` : ''}: ${ELEMENT_ERRORS[el.code] ?? `error ${el.code}`}`,
  );
  return [what, ...elements].join('; ');
}

/** Why a 999 refused a transaction, naming each segment and element. */
export function rejected999Words(fileName: string, tx: TransactionAck): string {
  const parts = tx.segmentErrors.map(segmentWords);
  for (const code of tx.errorCodes) if (code !== '5') parts.push(TRANSACTION_ERRORS[code] ?? `error ${code}`);
  return `The clearinghouse rejected the claim's transaction ${tx.controlNumber} in ${fileName} (999): ${parts.join(' | ') || 'no reason given'}`;
}

/** What kinds of response a file holds, from its segments (a file may hold a TA1 and a group). */
export function responseKinds(text: string): ResponseKind[] {
  if (!text.startsWith('ISA') || text.length < 106) return ['unknown'];
  const element = text[3];
  const terminator = text[105];
  const ids = new Set<string>();
  const kinds: ResponseKind[] = [];
  for (const raw of text.split(terminator)) {
    const seg = raw.replace(/^\s+/, '');
    const id = seg.slice(0, seg.indexOf(element));
    if (id === 'TA1') ids.add('TA1');
    else if (id === 'ST') ids.add(seg.split(element)[1] ?? '');
  }
  if (ids.has('TA1')) kinds.push('TA1');
  if (ids.has('999')) kinds.push('999');
  if (ids.has('277')) kinds.push('277CA');
  return kinds.length ? kinds : ['unknown'];
}

/** 277CA status categories that say the payer has the claim, took it in, or sent it back. */
export function outcomeOf277(category: string | undefined): 'received' | 'accepted' | 'rejected' {
  if (category === 'A0' || category === 'A1') return 'received';
  if (category === 'A2' || category === 'A5') return 'accepted';
  return 'rejected';
}
