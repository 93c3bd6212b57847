import { constants, inflateSync } from 'node:zlib';

/**
 * PDF names that make a file do something when opened or carry another file: scripts, actions run
 * on open or on events, launching programs, embedded files and rich media, XFA forms, form submission.
 * Ordinary AcroForm fields, links (`/URI`, `/GoTo`) and annotations stay accepted.
 */
export const ACTIVE_PDF_NAMES: ReadonlySet<string> = new Set([
  'JS',
  'JavaScript',
  'OpenAction',
  'AA',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'FileAttachment',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
]);

/**
 * Bounds on inflating object streams, so that a decompression bomb costs a refusal, not the
 * service's memory: the bytes of one object stream kept until its `endstream`, what one may
 * inflate to, what all of a file's may inflate to together, and how many a file may have.
 */
export interface PdfScanLimits {
  maxObjectStreamBytes: number;
  maxInflatedBytes: number;
  maxTotalInflatedBytes: number;
  maxObjectStreams: number;
}

export const PDF_SCAN_LIMITS: Readonly<PdfScanLimits> = Object.freeze({
  maxObjectStreamBytes: 8 * 1024 * 1024,
  maxInflatedBytes: 16 * 1024 * 1024,
  maxTotalInflatedBytes: 64 * 1024 * 1024,
  maxObjectStreams: 2000,
});

/** Longer names are not in the list; keeping at most this many bytes bounds memory. */
const MAX_NAME = 64;
const ENDSTREAM = Buffer.from('endstream', 'latin1');

const enum State {
  Normal,
  Comment,
  LiteralString,
  HexString,
  AfterLt,
  Name,
  Keyword,
  AfterStreamKeyword,
  StreamData,
}

function isWhite(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
}

function isDelimiter(b: number): boolean {
  // ( ) < > [ ] { } / %
  return (
    b === 0x28 ||
    b === 0x29 ||
    b === 0x3c ||
    b === 0x3e ||
    b === 0x5b ||
    b === 0x5d ||
    b === 0x7b ||
    b === 0x7d ||
    b === 0x2f ||
    b === 0x25
  );
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** How the value of `/Filter` is being read: not at all, right after the key, inside its array. */
const enum FilterValue {
  None,
  Expected,
  InArray,
}

/**
 * Finds active content in a PDF as it streams past, byte by byte, with a few dozen bytes of state:
 * a small tokenizer of PDF syntax, so names are found where they mean something — not in comments,
 * strings or stream data (where random bytes may spell `/JS`) — and decoded (`/J#53` is `/JS`).
 *
 * Object streams (PDF 1.5+) hold objects, so their data is PDF syntax too: a stream whose dictionary
 * says `/Type /ObjStm` or has `/First` (what a reader needs to read one, with or without the type)
 * is kept until its `endstream`, inflated when its only filter is `/FlateDecode`, and scanned like
 * the file. One that cannot be read safely — another filter or a chain of filters, a filter given by
 * reference, `/DecodeParms` (predictors), corrupt compressed data, or past the bounds of
 * PDF_SCAN_LIMITS — makes the file uninspectable. Other streams (images, page contents, fonts) are
 * skipped: a reader finds no objects in them.
 */
export class PdfActiveContent {
  /** The first active name found, without its slash; null while none is. */
  found: string | null = null;
  /** Why the file cannot be inspected (an object stream that cannot be read safely); null while it can. */
  uninspectable: string | null = null;
  private state = State.Normal;
  private depth = 0;
  private escape = false;
  private name: number[] = [];
  private hex = -1;
  private keyword = '';
  private matched = 0;
  // What the current object's dictionary says about the stream that may follow it.
  private objectStream = false;
  private filters: string[] = [];
  private filterValue = FilterValue.None;
  private unreadableFilter = false;
  private decodeParms = false;
  // The bytes of the object stream being read (null while skipping a stream), `endstream` included.
  private kept: Buffer | null = null;
  private keptLength = 0;
  private objectStreams = 0;
  private inflated = 0;

  /** `nested` scanners read an object stream's contents: objects there cannot be streams. */
  constructor(
    private readonly limits: Readonly<PdfScanLimits> = PDF_SCAN_LIMITS,
    private readonly nested = false,
  ) {}

  /** True once the answer is known: active content found, or the file cannot be inspected. */
  get decided(): boolean {
    return this.found !== null || this.uninspectable !== null;
  }

  push(chunk: Buffer): void {
    for (let i = 0; i < chunk.length && !this.decided; i++) this.byte(chunk[i]);
  }

  private byte(b: number): void {
    switch (this.state) {
      case State.Comment:
        if (b === 0x0a || b === 0x0d) this.state = State.Normal;
        return;
      case State.LiteralString:
        if (this.escape) this.escape = false;
        else if (b === 0x5c) this.escape = true;
        else if (b === 0x28) this.depth++;
        else if (b === 0x29 && --this.depth === 0) this.state = State.Normal;
        return;
      case State.HexString:
        if (b === 0x3e) this.state = State.Normal;
        return;
      case State.AfterLt:
        // `<<` opens a dictionary, `<` anything else a hex string
        this.state = b === 0x3c ? State.Normal : State.HexString;
        if (b === 0x3e) this.state = State.Normal;
        this.otherToken();
        return;
      case State.StreamData:
        if (this.kept) this.keep(b);
        // skipped up to `endstream`; a restart on a mismatch is enough, since no proper prefix of
        // "endstream" is also its suffix
        if (b === ENDSTREAM[this.matched]) {
          if (++this.matched === ENDSTREAM.length) {
            this.matched = 0;
            this.state = State.Normal;
            this.endStream();
          }
        } else this.matched = b === ENDSTREAM[0] ? 1 : 0;
        return;
      case State.AfterStreamKeyword:
        this.state = State.StreamData;
        // CR LF ends the `stream` line; a lone CR is followed by data at once
        if (b !== 0x0a) this.byte(b);
        return;
      case State.Name:
        if (isWhite(b) || isDelimiter(b)) {
          this.endName();
          this.state = State.Normal;
          this.normal(b);
          return;
        }
        if (this.name.length < MAX_NAME + 3) this.name.push(b);
        return;
      case State.Keyword:
        if (isWhite(b) || isDelimiter(b)) {
          const word = this.keyword;
          this.keyword = '';
          if (word === 'stream' && (b === 0x0d || b === 0x0a)) {
            this.state = b === 0x0d ? State.AfterStreamKeyword : State.StreamData;
            this.startStream();
            return;
          }
          if (word === 'obj' || word === 'endobj') this.newObject();
          else this.otherToken();
          this.state = State.Normal;
          this.normal(b);
          return;
        }
        if (this.keyword.length < 16) this.keyword += String.fromCharCode(b);
        return;
      default:
        this.normal(b);
    }
  }

  private normal(b: number): void {
    if (isWhite(b)) return;
    if (b === 0x25) this.state = State.Comment;
    else if (b === 0x28) {
      this.state = State.LiteralString;
      this.depth = 1;
      this.escape = false;
      this.otherToken();
    } else if (b === 0x3c) this.state = State.AfterLt;
    else if (b === 0x2f) {
      this.state = State.Name;
      this.name = [];
    } else if (b === 0x5b && this.filterValue === FilterValue.Expected)
      this.filterValue = FilterValue.InArray;
    else if (b === 0x5d && this.filterValue === FilterValue.InArray) this.filterValue = FilterValue.None;
    else if (!isDelimiter(b)) {
      this.state = State.Keyword;
      this.keyword = String.fromCharCode(b);
    } else this.otherToken();
  }

  private endName(): void {
    const raw = this.name;
    const bytes: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === 0x23 && i + 2 < raw.length && hexValue(raw[i + 1]) >= 0 && hexValue(raw[i + 2]) >= 0) {
        bytes.push(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
        i += 2;
      } else bytes.push(raw[i]);
    }
    // A longer name is in no list, but as a filter it is one this scanner cannot apply.
    const name = bytes.length > MAX_NAME ? '' : Buffer.from(bytes).toString('latin1');
    if (ACTIVE_PDF_NAMES.has(name)) this.found = name;
    if (this.filterValue !== FilterValue.None) {
      this.filters.push(name);
      if (this.filterValue === FilterValue.Expected) this.filterValue = FilterValue.None;
    } else if (name === 'Filter') this.filterValue = FilterValue.Expected;
    if (name === 'ObjStm' || name === 'First') this.objectStream = true;
    if (name === 'DecodeParms' || name === 'DP') this.decodeParms = true;
  }

  /** A token that is not a name: as the value of `/Filter`, one this scanner cannot follow. */
  private otherToken(): void {
    if (this.filterValue === FilterValue.None) return;
    this.unreadableFilter = true;
    this.filterValue = FilterValue.None;
  }

  private newObject(): void {
    this.objectStream = false;
    this.filters = [];
    this.filterValue = FilterValue.None;
    this.unreadableFilter = false;
    this.decodeParms = false;
  }

  private startStream(): void {
    const objectStream = this.objectStream && !this.nested;
    this.filterValue = FilterValue.None;
    if (!objectStream) return;
    if (++this.objectStreams > this.limits.maxObjectStreams)
      return this.refuse(`it has more than ${this.limits.maxObjectStreams} object streams`);
    const filters = this.filters.filter((f) => f !== '');
    if (this.unreadableFilter || filters.length !== this.filters.length || filters.length > 1)
      return this.refuse('an object stream has a filter chain or a filter given by reference');
    if (filters.length === 1 && filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')
      return this.refuse(`an object stream is compressed with /${filters[0]}`);
    if (this.decodeParms) return this.refuse('an object stream has decoding parameters (/DecodeParms)');
    this.kept = Buffer.allocUnsafe(Math.min(64 * 1024, this.limits.maxObjectStreamBytes + ENDSTREAM.length));
    this.keptLength = 0;
  }

  private keep(b: number): void {
    const kept = this.kept as Buffer;
    if (this.keptLength === kept.length) {
      const max = this.limits.maxObjectStreamBytes + ENDSTREAM.length;
      if (kept.length >= max) {
        this.kept = null;
        return this.refuse(`an object stream is longer than ${this.limits.maxObjectStreamBytes} bytes`);
      }
      const grown = Buffer.allocUnsafe(Math.min(kept.length * 2, max));
      kept.copy(grown);
      this.kept = grown;
    }
    (this.kept as Buffer)[this.keptLength++] = b;
  }

  /** After `endstream` (or at the end of the file): inflates and scans the kept object stream. */
  private endStream(complete = true): void {
    const kept = this.kept;
    this.kept = null;
    const deflated = this.filters.length === 1;
    this.newObject();
    if (!kept) return;
    const data = kept.subarray(0, complete ? this.keptLength - ENDSTREAM.length : this.keptLength);
    let contents = data;
    if (deflated) {
      const perStream = this.limits.maxInflatedBytes;
      const left = this.limits.maxTotalInflatedBytes - this.inflated;
      const budget = Math.min(perStream, left);
      try {
        // Before `endstream` the compressed data must be whole: compressed data that ends early
        // may hide a fake `endstream` (in a stored block) with the real objects compressed after
        // it. A stream the file cuts short is read as far as it goes, as readers do.
        contents = inflateSync(data, {
          maxOutputLength: Math.max(1, budget),
          finishFlush: complete ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
        });
      } catch (error) {
        return this.refuse(
          (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
            ? budget === perStream
              ? `an object stream inflates to more than ${perStream} bytes`
              : `its object streams inflate to more than ${this.limits.maxTotalInflatedBytes} bytes together`
            : 'an object stream cannot be inflated (corrupt compressed data)',
        );
      }
      this.inflated += contents.length;
    }
    const inner = new PdfActiveContent(this.limits, true);
    inner.push(contents);
    inner.end();
    if (inner.found !== null) this.found = inner.found;
  }

  private refuse(reason: string): void {
    this.uninspectable ??= reason;
  }

  /** Call at the end of the file: a name that ends the file is still a name. */
  end(): void {
    if (this.decided) return;
    if (this.state === State.Name) this.endName();
    // A reader may still read the objects of a stream the file cuts short.
    else if (this.state === State.StreamData && this.kept) this.endStream(false);
  }
}

/** The reason given to the uploader when the file cannot be inspected. */
export function uninspectableReason(why: string): string {
  return (
    `The PDF cannot be checked for active content (${why}): ` + 'print it to a new PDF or scan the paper copy'
  );
}

/** The reason given to the uploader, naming what was found. */
export function activeContentReason(name: string): string {
  return (
    `The PDF contains active content (/${name}): PDFs with scripts, actions that run on opening, ` +
    'embedded files or XFA forms are not accepted; print it to a new PDF or scan the paper copy'
  );
}
