import type { DocumentContentType } from '@claimline/contracts/documents';

/** How many bytes of the start and of the end of a file the checks look at. */
export const HEAD_BYTES = 16;
export const TAIL_BYTES = 1024;

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
const PNG_START = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The IEND chunk: length 0, type "IEND", CRC AE 42 60 82 — always the last 12 bytes of a complete PNG. */
const PNG_END = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const PDF_START = Buffer.from('%PDF-', 'latin1');
const PDF_END = Buffer.from('%%EOF', 'latin1');

export type Sniffed = { ok: true; contentType: DocumentContentType } | { ok: false; reason: string };

const NAMES: Record<DocumentContentType, string> = {
  'image/jpeg': 'JPEG image',
  'image/png': 'PNG image',
  'application/pdf': 'PDF',
};
const EXTENSIONS: Record<string, DocumentContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};
const ACCEPTED = 'only JPEG, PNG and PDF files are accepted';

/** Trailing bytes some writers add after the end marker (CR/LF, spaces, NULs). */
function trimTrailing(tail: Buffer): Buffer {
  let end = tail.length;
  while (end > 0 && [0x00, 0x0a, 0x0d, 0x20, 0x09].includes(tail[end - 1])) end--;
  return tail.subarray(0, end);
}

/**
 * Decides the content type from the bytes alone: the magic number at the start and the end marker
 * (a file without it is truncated). `head` is the first bytes, `tail` the last bytes, `size` the total.
 */
export function sniffContent(head: Buffer, tail: Buffer, size: number): Sniffed {
  if (size === 0) return { ok: false, reason: 'The file is empty' };
  let type: DocumentContentType | null = null;
  if (head.subarray(0, 3).equals(JPEG_START)) type = 'image/jpeg';
  else if (head.subarray(0, 8).equals(PNG_START)) type = 'image/png';
  else if (head.subarray(0, 5).equals(PDF_START)) type = 'application/pdf';
  if (!type)
    return {
      ok: false,
      reason: `The file is not a JPEG, PNG or PDF (its first bytes are ${describeHead(head)}); ${ACCEPTED}`,
    };
  const trimmed = trimTrailing(tail);
  const complete =
    type === 'image/jpeg'
      ? trimmed.length >= 2 && trimmed.subarray(-2).equals(JPEG_END) && size >= 4
      : type === 'image/png'
        ? tail.length >= PNG_END.length &&
          tail.subarray(-PNG_END.length).equals(PNG_END) &&
          size >= PNG_START.length + PNG_END.length
        : trimmed.includes(PDF_END) && size > PDF_START.length + PDF_END.length;
  if (!complete)
    return {
      ok: false,
      reason: `The file starts like a ${NAMES[type]} but is truncated or damaged (its end marker is missing)`,
    };
  return { ok: true, contentType: type };
}

/**
 * A declared content type or a file extension that names another accepted type than the bytes is
 * a disguised file (`scan.jpg` that is a PDF, or HTML sent as `image/jpeg`): refused, not renamed.
 */
export function disguiseProblem(actual: DocumentContentType, name: string, declared?: string): string | null {
  const mediaType = declared?.split(';')[0].trim().toLowerCase();
  if (
    mediaType &&
    mediaType !== 'application/octet-stream' &&
    mediaType !== normalised(actual) &&
    !(actual === 'image/jpeg' && mediaType === 'image/jpg')
  ) {
    return `The file was sent as ${mediaType} but its content is a ${NAMES[actual]}`;
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext] && EXTENSIONS[ext] !== actual)
    return `The file is named .${ext} but its content is a ${NAMES[actual]}`;
  if (ext && !EXTENSIONS[ext] && /^(html?|exe|js|sh|bat|cmd|svg|xml|php|msi|dll|scr)$/.test(ext))
    return `A .${ext} file is not accepted; ${ACCEPTED}`;
  return null;
}

function normalised(t: DocumentContentType): string {
  return t;
}

function describeHead(head: Buffer): string {
  const text = head.subarray(0, 8).toString('latin1');
  if (/^[\x20-\x7e\s]+$/.test(text)) return `"${text.trim()}"`;
  return head.subarray(0, 4).toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();
}

/**
 * Keeps the first `HEAD_BYTES` and the last `TAIL_BYTES` of a stream without buffering it, and
 * counts its size.
 */
export class HeadTail {
  private head = Buffer.alloc(0);
  private tailBuf = Buffer.alloc(0);
  size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    const joined = chunk.length >= TAIL_BYTES ? chunk : Buffer.concat([this.tailBuf, chunk]);
    this.tailBuf = Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)));
  }

  sniff(): Sniffed {
    return sniffContent(this.head, this.tailBuf, this.size);
  }
}
