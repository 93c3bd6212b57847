import type { Readable } from 'node:stream';
import { EnvelopeWalker } from './envelope';
import { X12Error } from './errors';
import { type RemittanceEvent, Remittance835Handler } from './read-835';
import { type Segment, X12Tokenizer, type TokenizerOptions } from './tokenizer';
import { KIND_835 } from './transactions';

type Source = Readable | AsyncIterable<string | Uint8Array>;

/** Segments of a stream, one array per chunk: the fastest way through a large file. */
export async function* readSegmentBatches(
  source: Source,
  options?: TokenizerOptions,
): AsyncGenerator<Segment[], void, undefined> {
  const tok = new X12Tokenizer(options);
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    const segs = tok.feed(chunk);
    if (segs.length) yield segs;
    if (tok.error) throw tok.error;
  }
  const rest = tok.end();
  if (rest.length) yield rest;
  if (tok.error) throw tok.error;
}

/**
 * Segments of a stream, one at a time, holding at most one chunk plus one partial segment.
 * Malformed input ends the iteration with an X12Error naming the segment.
 */
export function readSegments(source: Source, options?: TokenizerOptions): AsyncIterableIterator<Segment> {
  const batches = readSegmentBatches(source, options);
  let batch: Segment[] = [];
  let i = 0;
  // a hand-written iterator: an async generator costs several promises per segment
  const it: AsyncIterableIterator<Segment> = {
    next(): Promise<IteratorResult<Segment>> {
      if (i < batch.length) return Promise.resolve({ value: batch[i++], done: false });
      return batches.next().then((r) => {
        if (r.done) return { value: undefined, done: true };
        batch = r.value;
        i = 1;
        return { value: batch[0], done: false };
      });
    },
    return(): Promise<IteratorResult<Segment>> {
      return batches.return(undefined).then(() => ({ value: undefined, done: true }));
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}

export type StreamEvent835 = RemittanceEvent | { readonly kind: 'error'; readonly error: X12Error };

/**
 * Reads a large 835 claim by claim: yields a header per transaction, each claim as soon as it
 * is complete, each finding as it is found (the same findings `read835` reports, envelope
 * counts included), and an end event with provider adjustments and the number of findings.
 * Neither claims nor findings are kept, so memory stays bounded. Bad input ends with an error
 * event, never a throw.
 */
export async function* stream835(
  source: Source,
  options?: TokenizerOptions,
): AsyncGenerator<StreamEvent835, void, undefined> {
  const events: RemittanceEvent[] = [];
  const handler = new Remittance835Handler((e) => events.push(e), false);
  const walker = new EnvelopeWalker(KIND_835, handler);
  walker.onFinding = (finding) => events.push({ kind: 'finding', finding });
  let last = 0;
  try {
    outer: for await (const batch of readSegmentBatches(source, options)) {
      for (const seg of batch) {
        walker.push(seg);
        last = seg.number;
        if (walker.error) break outer;
      }
      if (events.length) yield* events.splice(0);
    }
    walker.finish(last);
  } catch (e) {
    const error =
      e instanceof X12Error
        ? e
        : new X12Error(`cannot read input: ${e instanceof Error ? e.message : String(e)}`, last + 1);
    yield { kind: 'error', error };
    return;
  }
  if (events.length) yield* events.splice(0);
  if (walker.error) yield { kind: 'error', error: walker.error };
}
