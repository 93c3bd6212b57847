import { X12Error } from './errors';

export interface Separators {
  readonly element: string;
  readonly component: string;
  /** ISA11 when it is a separator (5010); undefined for the 4010-style "U". */
  readonly repetition?: string;
  readonly segment: string;
}

/** One segment. Elements are split on first access, so segments a reader skips cost little. */
export class Segment {
  private split: string[] | undefined;
  constructor(
    readonly id: string,
    /** The segment text without its terminator. */
    readonly raw: string,
    /** 1-based position of the segment in the whole input. */
    readonly number: number,
    readonly separators: Separators,
  ) {}

  /** fields[0] is the segment id, fields[1] is element 01, and so on. */
  get fields(): string[] {
    return (this.split ??= splitOn(this.raw, this.separators.element));
  }
}

export interface TokenizerOptions {
  /** A segment longer than this is an error (bounds memory on input without terminators). */
  readonly maxSegmentLength?: number;
}

const ALNUM = /^[A-Za-z0-9 ]$/;

/** Element value at position `i` (01 = 1), empty when absent. */
export function el(seg: Segment, i: number): string {
  return seg.fields[i] ?? '';
}

/** Components of a composite element at position `i`. */
export function components(seg: Segment, i: number): string[] {
  const v = seg.fields[i];
  return v ? v.split(seg.separators.component) : [];
}

/**
 * Incremental X12 tokenizer: feed it string or byte chunks of any size, it returns the
 * complete segments seen so far. Separators come from each ISA segment. It never throws on
 * bad input: it stops and sets `error`.
 */
export class X12Tokenizer {
  error: X12Error | undefined;
  separators: Separators | undefined;
  private buf = '';
  private count = 0;
  private needIsa = true;
  private readonly maxLen: number;
  private decoder: InstanceType<typeof TextDecoder> | undefined;

  constructor(options: TokenizerOptions = {}) {
    this.maxLen = options.maxSegmentLength ?? 1 << 20;
  }

  /** Number of segments returned so far. */
  get segmentCount(): number {
    return this.count;
  }

  feed(chunk: string | Uint8Array): Segment[] {
    const out: Segment[] = [];
    if (this.error) return out;
    const text =
      typeof chunk === 'string'
        ? chunk
        : (this.decoder ??= new TextDecoder('utf-8')).decode(chunk, { stream: true });
    this.buf = this.buf.length ? this.buf + text : text;
    this.run(out, false);
    return out;
  }

  /** Signals the end of input; returns any last segment written without a terminator. */
  end(): Segment[] {
    const out: Segment[] = [];
    if (this.error) return out;
    if (this.decoder) this.buf += this.decoder.decode();
    this.run(out, true);
    return out;
  }

  private fail(message: string, expected: string): void {
    this.error = new X12Error(message, this.count + 1, undefined, expected);
    this.buf = '';
  }

  private run(out: Segment[], final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    let pos = 0;
    let sep = this.separators;
    // next line-break positions, moved forward only when passed: line breaks inside a segment are rare
    let nextLf = nextIndex(buf, '\n', 0);
    let nextCr = nextIndex(buf, '\r', 0);
    while (pos < len) {
      if (this.needIsa) {
        pos = skipBlank(buf, pos);
        if (pos >= len) break;
        const found = this.readIsa(buf, pos, final);
        if (!found) {
          if (!this.error && final) this.fail('input ends inside the ISA segment', 'a complete ISA segment');
          if (this.error) return;
          break;
        }
        sep = found;
        this.separators = sep;
        this.needIsa = false;
      }
      if (!sep) return this.fail('no separators', 'ISA');
      const term = sep.segment;
      let end = buf.indexOf(term, pos);
      if (end === -1) {
        if (!final) break;
        end = len;
      }
      let start = pos;
      pos = end + 1;
      // skip line breaks between segments
      let c = buf.charCodeAt(start);
      while ((c === 10 || c === 13 || c === 32 || c === 9) && start < end) c = buf.charCodeAt(++start);
      if (start === end) continue;
      let raw = buf.slice(start, end);
      if (raw.length > this.maxLen)
        return this.fail(`segment longer than ${this.maxLen} characters`, `a segment terminator "${term}"`);
      if (nextLf < start) nextLf = nextIndex(buf, '\n', start);
      if (nextCr < start) nextCr = nextIndex(buf, '\r', start);
      if (nextLf < end || nextCr < end) raw = raw.replace(/[\r\n]+/g, '');
      const e = raw.indexOf(sep.element);
      const id = e === -1 ? raw : raw.slice(0, e);
      if (!isSegmentId(id))
        return this.fail(`"${id.slice(0, 20)}" is not a segment id`, 'a segment id of 2 or 3 letters/digits');
      this.count++;
      out.push(new Segment(id, raw, this.count, sep));
      if (id === 'IEA') this.needIsa = true;
    }
    const rest = pos < len ? buf.slice(pos) : '';
    if (rest.length > this.maxLen)
      return this.fail(`segment longer than ${this.maxLen} characters`, 'a segment terminator');
    this.buf = rest;
  }

  /** Reads separators from the ISA at `pos`; undefined if more input is needed. */
  private readIsa(buf: string, pos: number, final: boolean): Separators | undefined {
    if (buf.length - pos < 4) return undefined;
    if (!buf.startsWith('ISA', pos)) {
      this.fail(`expected ISA, found "${buf.slice(pos, pos + 10)}"`, 'ISA');
      return undefined;
    }
    const element = buf[pos + 3];
    if (ALNUM.test(element) || element === '\n' || element === '\r') {
      this.fail(
        `"${element}" cannot be the element separator`,
        'a non-alphanumeric element separator after ISA',
      );
      return undefined;
    }
    let i = pos + 3; // the separator before ISA01
    let isa11 = '';
    for (let n = 2; n <= 16; n++) {
      const next = buf.indexOf(element, i + 1);
      if (next === -1 || next - pos > 200) {
        if (next === -1 && buf.length - pos < 200 && !final) return undefined;
        this.fail('ISA segment does not have 16 elements', 'ISA with 16 elements');
        return undefined;
      }
      if (n === 12) isa11 = buf.slice(i + 1, next);
      i = next;
    }
    if (buf.length < i + 3) return undefined;
    const component = buf[i + 1];
    const segment = buf[i + 2];
    if (ALNUM.test(component) || ALNUM.test(segment) || new Set([element, component, segment]).size !== 3) {
      this.fail(
        `invalid separators in ISA16 (component "${component}", segment "${segment}")`,
        'distinct non-alphanumeric separators',
      );
      return undefined;
    }
    const repetition =
      isa11.length === 1 && !ALNUM.test(isa11) && ![element, component, segment].includes(isa11)
        ? isa11
        : undefined;
    return { element, component, repetition, segment };
  }
}

function nextIndex(buf: string, ch: string, from: number): number {
  const i = buf.indexOf(ch, from);
  return i === -1 ? Infinity : i;
}

// an indexOf loop: about twice as fast as String.prototype.split on short segments
function splitOn(raw: string, sep: string): string[] {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const q = raw.indexOf(sep, p);
    if (q === -1) {
      out.push(raw.slice(p));
      return out;
    }
    out.push(raw.slice(p, q));
    p = q + 1;
  }
}

/** Upper-case letter then 1-2 upper-case letters or digits. */
function isSegmentId(id: string): boolean {
  const n = id.length;
  if (n < 2 || n > 3) return false;
  const c0 = id.charCodeAt(0);
  if (c0 < 65 || c0 > 90) return false;
  for (let i = 1; i < n; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

function skipBlank(buf: string, pos: number): number {
  let c = buf.charCodeAt(pos);
  while (c === 10 || c === 13 || c === 32 || c === 9 || c === 0 || c === 0xfeff) c = buf.charCodeAt(++pos);
  return pos;
}

export interface TokenizeResult {
  readonly segments: Segment[];
  readonly error?: X12Error;
}

/** Tokenizes a whole input at once. */
export function tokenize(input: string | Uint8Array, options?: TokenizerOptions): TokenizeResult {
  const t = new X12Tokenizer(options);
  const segments = t.feed(input);
  for (const s of t.end()) segments.push(s);
  return t.error ? { segments, error: t.error } : { segments };
}
