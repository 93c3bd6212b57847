/** A transaction set as one implementation guide defines it: ST01 plus the guide in GS08/ST03. */
export interface TransactionKind {
  readonly setId: string;
  /** Guide id without its addenda suffix, e.g. 005010X222 matches X222A1 and X222A2. */
  readonly guide: string;
  readonly name: string;
  /** The function of this library that reads it, if any. */
  readonly reader?: string;
}

export const KIND_837P: TransactionKind = {
  setId: '837',
  guide: '005010X222',
  name: '837P professional claim',
  reader: 'read837p',
};
export const KIND_835: TransactionKind = {
  setId: '835',
  guide: '005010X221',
  name: '835 payment and remittance advice',
  reader: 'read835 or stream835',
};
export const KIND_277CA: TransactionKind = {
  setId: '277',
  guide: '005010X214',
  name: '277CA claim acknowledgment',
  reader: 'read277ca',
};
export const KIND_277: TransactionKind = {
  setId: '277',
  guide: '005010X212',
  name: '277 claim status response',
  reader: 'read277',
};
export const KIND_276: TransactionKind = {
  setId: '276',
  guide: '005010X212',
  name: '276 claim status request',
};
export const KIND_999: TransactionKind = {
  setId: '999',
  guide: '005010X231',
  name: '999 implementation acknowledgment',
  reader: 'read999',
};
export const KIND_270: TransactionKind = {
  setId: '270',
  guide: '005010X279',
  name: '270 eligibility inquiry',
};
export const KIND_271: TransactionKind = {
  setId: '271',
  guide: '005010X279',
  name: '271 eligibility response',
  reader: 'read271',
};

export const TRANSACTION_KINDS: readonly TransactionKind[] = [
  KIND_837P,
  { setId: '837', guide: '005010X223', name: '837I institutional claim' },
  { setId: '837', guide: '005010X224', name: '837D dental claim' },
  KIND_835,
  KIND_277CA,
  KIND_277,
  { setId: '277', guide: '005010X213', name: '277 request for additional information' },
  KIND_276,
  KIND_999,
  KIND_270,
  KIND_271,
  { setId: '834', guide: '005010X220', name: '834 benefit enrollment' },
  { setId: '278', guide: '005010X217', name: '278 services review' },
  { setId: '820', guide: '005010X218', name: '820 premium payment' },
];

/** The kind of a transaction from ST01 and its guide (ST03, else GS08); undefined when unknown. */
export function transactionKind(setId: string, version: string): TransactionKind | undefined {
  return TRANSACTION_KINDS.find((k) => k.setId === setId && version.startsWith(k.guide));
}
