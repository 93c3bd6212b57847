/** A problem found while reading: reported, never thrown. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** 1-based position of the segment in the input (counting every segment, envelopes included). */
  readonly segmentNumber?: number;
  readonly segmentId?: string;
}

/** The input cannot be read: names the segment and what was expected there. */
export class X12Error extends Error {
  override readonly name = 'X12Error';
  constructor(
    message: string,
    readonly segmentNumber?: number,
    readonly segmentId?: string,
    readonly expected?: string,
  ) {
    super(
      segmentNumber === undefined
        ? message
        : `segment ${segmentNumber}${segmentId ? ` (${segmentId})` : ''}: ${message}`,
    );
  }
}

export type X12Result<T> =
  | { readonly ok: true; readonly value: T; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly error: X12Error; readonly findings: readonly Finding[] };
