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

/**
 * Finds active content in a PDF as it streams past, byte by byte, with a few dozen bytes of state:
 * a small tokenizer of PDF syntax, so names are found where they mean something — not in comments,
 * strings or stream data (where random bytes may spell `/JS`) — and decoded (`/J#53` is `/JS`).
 *
 * Limit (docs/adr/0015-phi-minimisation.md): the data of streams is not inflated, so a name inside a
 * compressed object stream (`/Type /ObjStm`, PDF 1.5+) is not seen. Documents are only ever served
 * as attachments (`Content-Disposition: attachment`, `nosniff`) and never rendered by Claimline.
 */
export class PdfActiveContent {
  /** The first active name found, without its slash; null while none is. */
  found: string | null = null;
  private state = State.Normal;
  private depth = 0;
  private escape = false;
  private name: number[] = [];
  private hex = -1;
  private keyword = '';
  private matched = 0;

  push(chunk: Buffer): void {
    for (let i = 0; i < chunk.length && this.found === null; i++) this.byte(chunk[i]);
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
        return;
      case State.StreamData:
        // skipped up to `endstream`; a restart on a mismatch is enough, since no proper prefix of
        // "endstream" is also its suffix
        if (b === ENDSTREAM[this.matched]) {
          if (++this.matched === ENDSTREAM.length) {
            this.matched = 0;
            this.state = State.Normal;
          }
        } else this.matched = b === ENDSTREAM[0] ? 1 : 0;
        return;
      case State.AfterStreamKeyword:
        if (b === 0x0a) this.state = State.StreamData;
        else if (b !== 0x0d) this.state = State.StreamData;
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
            return;
          }
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
    } else if (b === 0x3c) this.state = State.AfterLt;
    else if (b === 0x2f) {
      this.state = State.Name;
      this.name = [];
    } else if (!isDelimiter(b)) {
      this.state = State.Keyword;
      this.keyword = String.fromCharCode(b);
    }
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
    if (bytes.length > MAX_NAME) return;
    const name = Buffer.from(bytes).toString('latin1');
    if (ACTIVE_PDF_NAMES.has(name)) this.found = name;
  }

  /** Call at the end of the file: a name that ends the file is still a name. */
  end(): void {
    if (this.state === State.Name && this.found === null) this.endName();
  }
}

/** The reason given to the uploader, naming what was found. */
export function activeContentReason(name: string): string {
  return (
    `The PDF contains active content (/${name}): PDFs with scripts, actions that run on opening, ` +
    'embedded files or XFA forms are not accepted; print it to a new PDF or scan the paper copy'
  );
}
