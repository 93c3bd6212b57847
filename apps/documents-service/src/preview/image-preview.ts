import sharp, { type Metadata } from 'sharp';
import { DOCUMENT_PREVIEW_CONTENT_TYPE, DOCUMENT_PREVIEW_MAX_SIDE } from '@claimline/contracts/documents';

export interface ImagePreview {
  data: Buffer;
  width: number;
  height: number;
  contentType: typeof DOCUMENT_PREVIEW_CONTENT_TYPE;
}

/** The image's pixels cannot be decoded (damaged, or only its first and last bytes look like an image). */
export class ImageUnreadableError extends Error {
  constructor(readonly detail: string) {
    super(`the image cannot be decoded: ${detail}`);
    this.name = 'ImageUnreadableError';
  }
}

/** More pixels than `DOCUMENT_IMAGE_MAX_PIXELS`: a decompression bomb, or a picture no viewer needs. */
export class ImageTooManyPixelsError extends Error {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly limit: number,
  ) {
    super(`the image has more than ${limit} pixels`);
    this.name = 'ImageTooManyPixelsError';
  }
}

/**
 * Makes the preview of an uploaded JPEG or PNG: longest side at most 480 px (never enlarged),
 * EXIF orientation applied, every metadata block dropped (sharp keeps none unless asked: no EXIF
 * GPS position, no camera serial, no ICC profile), transparency flattened onto white, JPEG.
 *
 * Limits, because the pixels come from an uploader: the header's width × height is checked
 * against `maxPixels` before anything is decoded (and sharp enforces the same `limitInputPixels`
 * while decoding), libvips' operation cache is off (every image is new, a cache only holds
 * memory), and at most `concurrency` images are decoded at a time — the caller's encoded input
 * (≤ the upload size limit) and the decoder's working set are what a preview costs in memory.
 */
export class ImagePreviewer {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxPixels: number,
    readonly concurrency = 2,
  ) {
    sharp.cache(false);
  }

  /** Runs `task` when a decoding slot is free; the caller loads the input inside it so queued uploads hold nothing. */
  async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  async make(input: Buffer): Promise<ImagePreview> {
    let header: Metadata;
    try {
      // Reads the header only; the pixel limit is ours to check, with the dimensions in the message.
      header = await sharp(input, { limitInputPixels: false }).metadata();
    } catch (error) {
      throw new ImageUnreadableError(firstLine(error));
    }
    if (!header.width || !header.height) throw new ImageUnreadableError('its header gives no dimensions');
    if (header.width * header.height > this.maxPixels)
      throw new ImageTooManyPixelsError(header.width, header.height, this.maxPixels);
    try {
      const { data, info } = await sharp(input, {
        limitInputPixels: this.maxPixels,
        failOn: 'error',
        autoOrient: true,
        sequentialRead: true,
      })
        .resize({
          width: DOCUMENT_PREVIEW_MAX_SIDE,
          height: DOCUMENT_PREVIEW_MAX_SIDE,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, contentType: DOCUMENT_PREVIEW_CONTENT_TYPE };
    } catch (error) {
      if (/pixel limit/i.test(firstLine(error)))
        throw new ImageTooManyPixelsError(header.width, header.height, this.maxPixels);
      throw new ImageUnreadableError(firstLine(error));
    }
  }
}

/** libvips repeats its warnings on several lines; the first says what is wrong. */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();
}
