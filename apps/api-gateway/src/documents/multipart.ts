import { BadRequestException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import busboy, { Busboy } from 'busboy';
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** The one file part of an upload, once it has been streamed to its destination. */
export interface ReceivedFile {
  /** As given in the part's `filename` (path removed), if any. */
  filename?: string;
  /** The part's `Content-Type`, when it named a type (not busboy's `text/plain` default or `application/octet-stream`). */
  declaredType?: string;
  bytes: number;
}

export interface ReceivedForm {
  /** Text fields by name; each sent once, at most `maxFieldBytes` long. */
  fields: Record<string, string>;
  file: ReceivedFile;
}

export interface MultipartLimits {
  /** Largest accepted file; the parser reads one byte more to tell "exactly the limit" from "over it". */
  maxFileBytes: number;
  /** The refusal for a file over `maxFileBytes` (the caller words it). */
  tooLarge: () => HttpException;
  maxFields?: number;
  maxFieldBytes?: number;
}

/** The form part that carries the file. */
export const FILE_PART = 'file';
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 1024;
/** Bytes of a multipart body that are not the file: boundaries, part headers (≤ 16 KB each in busboy), fields. */
export const MULTIPART_OVERHEAD_BYTES = 256 * 1024;

const fieldProblem = (field: string, rule: string, message: string) =>
  new UnprocessableEntityException({ message, errors: [{ field, rule, message }] });

/**
 * Reads a `multipart/form-data` body as it arrives: text fields into a small map, the single part
 * named `file` handed as a stream to `store` (which writes it on, under backpressure) — the file is
 * never held whole. Fails with a problem an uploader can act on: 400 for a body that is not a
 * readable form, 413 past `maxFileBytes`, 422 naming `file` (missing, sent twice, in a part with
 * another name, or without a filename) or the field (sent twice, too long).
 *
 * On a 413, a parse error or a failing `store`, reading stops at once (the rest of the body is
 * discarded) and the promise settles only after `store` has, so its clean-up is done. Other
 * problems are reported after the body has been read to its end (the remaining parts are skipped
 * without being kept), so the client always gets its answer.
 */
export function receiveMultipart(
  headers: IncomingHttpHeaders,
  body: Readable,
  limits: MultipartLimits,
  store: (file: Readable) => Promise<number>,
): Promise<ReceivedForm> {
  const maxFields = limits.maxFields ?? MAX_FIELDS;
  const maxFieldBytes = limits.maxFieldBytes ?? MAX_FIELD_BYTES;
  let parser: Busboy;
  try {
    parser = busboy({
      headers,
      defParamCharset: 'utf8',
      limits: {
        files: 1,
        fileSize: limits.maxFileBytes + 1,
        fields: maxFields,
        fieldSize: maxFieldBytes,
        parts: maxFields + 2,
        headerPairs: 16,
      },
    });
  } catch (error) {
    body.resume();
    return Promise.reject(
      new BadRequestException(`The multipart body cannot be read: ${(error as Error).message}`),
    );
  }

  return new Promise<ReceivedForm>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: ReceivedFile | null = null;
    let stored: Promise<unknown> = Promise.resolve();
    let problem: HttpException | null = null;
    let settled = false;

    /** Remembers the first problem and lets the body run to its end. */
    const note = (p: HttpException) => {
      problem ??= p;
    };
    /** Stops reading now; answers once `store` has settled (and cleaned up after itself). */
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      body.unpipe(parser);
      body.resume();
      parser.destroy();
      void stored.then(
        () => reject(error),
        () => reject(error),
      );
    };

    parser.on('field', (name, value, info) => {
      if (name === FILE_PART) {
        note(
          fieldProblem(
            FILE_PART,
            'file_part',
            'The part named file has no filename, so it is not a file; send the file as a file part (Content-Disposition: form-data; name="file"; filename="…")',
          ),
        );
      } else if (info.valueTruncated) {
        note(fieldProblem(name, 'max_length', `${name} is longer than ${maxFieldBytes} bytes`));
      } else if (Object.prototype.hasOwnProperty.call(fields, name)) {
        note(fieldProblem(name, 'duplicate', `${name} was sent more than once`));
      } else {
        fields[name] = value;
      }
    });

    parser.on('file', (name, stream, info) => {
      if (name !== FILE_PART) {
        stream.resume();
        note(
          fieldProblem(FILE_PART, 'file_part', `The file must be sent in a part named file, not "${name}"`),
        );
        return;
      }
      const received: ReceivedFile = {
        ...(info.filename !== undefined && info.filename !== '' && { filename: info.filename }),
        ...(!['text/plain', 'application/octet-stream'].includes(info.mimeType) && {
          declaredType: info.mimeType,
        }),
        bytes: 0,
      };
      file = received;
      // busboy is still inside its write when it signals the limit: stop right after it
      stream.once('limit', () => process.nextTick(() => fail(limits.tooLarge())));
      stored = store(stream).then(
        (bytes) => {
          received.bytes = bytes;
        },
        (error: unknown) => {
          fail(error);
          throw error;
        },
      );
      stored.catch(() => undefined);
    });

    parser.on('filesLimit', () =>
      note(fieldProblem(FILE_PART, 'max_count', 'Send one file per upload; this form has more than one')),
    );
    parser.on('fieldsLimit', () =>
      note(
        new BadRequestException(
          `The form has more than ${maxFields} fields; an upload needs linkedType, linkedId, kind, name and file`,
        ),
      ),
    );
    parser.on('partsLimit', () =>
      note(new BadRequestException(`The form has more than ${maxFields + 2} parts`)),
    );
    parser.on('error', (error: Error) =>
      fail(new BadRequestException(`The multipart body cannot be read: ${error.message}`)),
    );
    body.once('error', () => fail(new BadRequestException('The upload was interrupted before its end')));
    body.once('close', () => {
      if (!body.readableEnded) fail(new BadRequestException('The upload was interrupted before its end'));
    });

    parser.on('finish', () => {
      void stored.then(
        () => {
          if (settled) return;
          settled = true;
          if (problem) return reject(problem);
          if (!file)
            return reject(fieldProblem(FILE_PART, 'required', 'Attach the file in a part named file'));
          resolve({ fields, file });
        },
        () => undefined, // `fail` answers
      );
    });

    body.pipe(parser);
  });
}
