import { X12Error } from './errors';

export interface Separators {
  readonly element: string;
  readonly component: string;
  /** ISA11 when it is a separator (5010); undefined for the 4010-style "U". */
  readonly repetition?: string;
  readonly segment: string;
}

export interface Segment {
  readonly id: string;
  /** fields[0] is the segment id, fields[1] is element 01, and so on. */
  readonly fields: string[];
  /** 1-based position of the segment in the whole input. */
  readonly number: number;
  readonly separators: Separators;
}

export interface TokenizerOptions {
  /** A segment longer than this is an error (bounds memory on input without terminators). */
  readonly maxSegmentLength?: number;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
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
    const text = typeof chunk === 'string' ? chunk : (this.decoder ??= new TextDecoder('utf-8')).decode(chunk, { stream: true });
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
    let hasBreaks = buf.indexOf('\n') !== -1 || buf.indexOf('\r') !== -1;
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
        hasBreaks = hasBreaks && sep.segment !== '\n' && sep.segment !== '\r';
      }
      const term = sep!.segment;
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
      if (raw.length > this.maxLen) return this.fail(`segment longer than ${this.maxLen} characters`, `a segment terminator "${term}"`);
      if (hasBreaks && (raw.indexOf('\n') !== -1 || raw.indexOf('\r') !== -1)) raw = raw.replace(/[\r\n]+/g, '');
      const fields = raw.split(sep!.element);
      const id = fields[0];
      if (!SEGMENT_ID.test(id)) {
        return this.fail(`"${id.slice(0, 20)}" is not a segment id`, 'a segment id of 2 or 3 letters/digits');
      }
      this.count++;
      out.push({ id, fields, number: this.count, separators: sep! });
      if (id === 'IEA') this.needIsa = true;
    }
    const rest = pos < len ? buf.slice(pos) : '';
    if (rest.length > this.maxLen) return this.fail(`segment longer than ${this.maxLen} characters`, 'a segment terminator');
    this.buf = rest;
  }

  /** Reads separators from the ISA at `pos`; undefined if more input is needed. */
  private readIsa(buf: string, pos: number, final: boolean): Separators | undefined {
    if (buf.length - pos < 4) return undefined;
    if (buf.charCodeAt(pos) === 0xfeff) return this.readIsa(buf, pos + 1, final);
    if (!buf.startsWith('ISA', pos)) {
      this.fail(`expected ISA, found "${buf.slice(pos, pos + 10)}"`, 'ISA');
      return undefined;
    }
    const element = buf[pos + 3];
    if (ALNUM.test(element) || element === '\n' || element === '\r') {
      this.fail(`"${element}" cannot be the element separator`, 'a non-alphanumeric element separator after ISA');
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
      this.fail(`invalid separators in ISA16 (component "${component}", segment "${segment}")`, 'distinct non-alphanumeric separators');
      return undefined;
    }
    const repetition = isa11.length === 1 && !ALNUM.test(isa11) && ![element, component, segment].includes(isa11) ? isa11 : undefined;
    return { element, component, repetition, segment };
  }
}

function skipBlank(buf: string, pos: number): number {
  let c = buf.charCodeAt(pos);
  while (c === 10 || c === 13 || c === 32 || c === 9 || c === 0) c = buf.charCodeAt(++pos);
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
