import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { constants, crc32, createDeflate } from 'node:zlib';
import sharp from 'sharp';
import { ImagePreviewer, ImageTooManyPixelsError, ImageUnreadableError } from './image-preview';

const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });

/** A valid grey PNG of width × height whose pixels are all zero: small on disk, huge once decoded. */
async function pngBomb(width: number, height: number): Promise<Buffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const row = Buffer.alloc(width + 1); // filter byte 0 + black pixels
  for (let y = 0; y < height; y++) if (!deflate.write(row)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return Buffer.concat([
    Buffer.from(png),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('ImagePreviewer', () => {
  const previewer = new ImagePreviewer(100_000_000);

  it('makes a JPEG whose longest side is 480 px from a large PNG', async () => {
    const png = await noise(1200, 800).png().toBuffer();
    const preview = await previewer.make(png);
    expect(preview).toMatchObject({ width: 480, height: 320, contentType: 'image/jpeg' });
    expect(preview.data.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await sharp(preview.data).metadata()).toMatchObject({ format: 'jpeg', width: 480, height: 320 });
  });

  it('applies the EXIF orientation and strips every metadata block', async () => {
    // 600 × 300 stored, orientation 6 (rotate 90° clockwise to display): the picture is portrait.
    const photo = await noise(600, 300)
      .withExif({ IFD0: { Copyright: 'Dr Secret Clinic', Make: 'PhoneCam', Software: 'card-scanner' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const preview = await previewer.make(photo);
    expect(preview).toMatchObject({ width: 240, height: 480 });
    const meta = await sharp(preview.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(preview.data.includes(Buffer.from('Dr Secret Clinic'))).toBe(false);
  });

  it('never enlarges a small image and flattens transparency onto white', async () => {
    const clear = await sharp({
      create: { width: 100, height: 50, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const preview = await previewer.make(clear);
    expect(preview).toMatchObject({ width: 100, height: 50 });
    const { data } = await sharp(preview.data).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 300))).toBeGreaterThan(245);
  });

  it('refuses bytes that only look like a JPEG at both ends', async () => {
    const fake = randomBytes(50_000);
    fake.set([0xff, 0xd8, 0xff, 0xe0], 0);
    fake.set([0xff, 0xd9], fake.length - 2);
    await expect(previewer.make(fake)).rejects.toBeInstanceOf(ImageUnreadableError);
  });

  it('refuses more pixels than the limit before decoding them, naming the dimensions', async () => {
    const small = new ImagePreviewer(1_000_000);
    const error = await small.make(await noise(2000, 1000).png().toBuffer()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageTooManyPixelsError);
    expect(error).toMatchObject({ width: 2000, height: 1000, limit: 1_000_000 });
  });

  it('refuses a decompression bomb (a 144-megapixel PNG of a few hundred KB) quickly and without decoding it', async () => {
    const bomb = await pngBomb(12_000, 12_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
      format: 'png',
      width: 12_000,
      height: 12_000,
    });
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await previewer.make(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageTooManyPixelsError);
    expect(error).toMatchObject({ width: 12_000, height: 12_000, limit: 100_000_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('decodes at most `concurrency` images at a time', async () => {
    const two = new ImagePreviewer(1_000_000, 2);
    let now = 0;
    let peak = 0;
    const task = () =>
      two.withSlot(async () => {
        peak = Math.max(peak, ++now);
        await new Promise((r) => setTimeout(r, 20));
        now--;
      });
    await Promise.all(Array.from({ length: 7 }, task));
    expect(peak).toBe(2);
    expect(now).toBe(0);
  });
});
