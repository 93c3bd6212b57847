import { BadRequestException, PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { receiveMultipart, ReceivedForm } from './multipart';

const BOUNDARY = '----claimline-test-7MA4YWxkTrZu0gW';
const HEADERS = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
const MAX = 64 * 1024;

interface Part {
  name: string;
  value?: string;
  filename?: string;
  type?: string;
  data?: Buffer;
}

function form(parts: Part[], { close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
        'utf8',
      ),
    );
    chunks.push(p.data ?? Buffer.from(p.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** The body as a stream of small chunks, counting how much of it has been read. */
function source(body: Buffer, chunk = 4096): Readable & { readBytes: () => number } {
  let at = 0;
  const stream = new Readable({
    read() {
      if (at >= body.length) return this.push(null);
      const next = body.subarray(at, at + chunk);
      at += next.length;
      this.push(next);
    },
  });
  return Object.assign(stream, { readBytes: () => at });
}

/** A destination like the transfer bucket: reads the file as a stream, refusing past `max`. */
function sink(max = MAX) {
  const seen = { calls: 0, bytes: 0, hash: createHash('sha256'), firstChunkAt: -1 };
  let src: ReturnType<typeof source> | undefined;
  const store = async (file: Readable) => {
    seen.calls++;
    for await (const chunk of file) {
      if (seen.firstChunkAt < 0) seen.firstChunkAt = src?.readBytes() ?? 0;
      seen.bytes += (chunk as Buffer).length;
      if (seen.bytes > max) {
        file.resume();
        throw new Error('over the limit');
      }
      seen.hash.update(chunk as Buffer);
    }
    return seen.bytes;
  };
  return { seen, store, watch: (s: ReturnType<typeof source>) => (src = s) };
}

const tooLarge = () => new PayloadTooLargeException('The file is larger than the limit');
const fields = [
  { name: 'linkedType', value: 'client' },
  { name: 'linkedId', value: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10' },
  { name: 'kind', value: 'insurance_card_front' },
];

async function receive(
  body: Buffer | Readable,
  store = sink().store,
  headers: Record<string, string> = HEADERS,
  max = MAX,
): Promise<ReceivedForm> {
  return receiveMultipart(
    headers,
    Buffer.isBuffer(body) ? source(body) : body,
    { maxFileBytes: max, tooLarge },
    store,
  );
}

async function problem(p: Promise<unknown>): Promise<{
  status: number;
  body: { message: string; errors?: { field: string; rule: string; message: string }[] };
}> {
  const error = await p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  if (!(
    error instanceof BadRequestException ||
    error instanceof UnprocessableEntityException ||
    error instanceof PayloadTooLargeException
  ))
    throw error;
  const response = error.getResponse();
  return {
    status: error.getStatus(),
    body: typeof response === 'string' ? { message: response } : (response as never),
  };
}

describe('receiveMultipart', () => {
  it('streams the file part to the store byte for byte, with the fields before or after it', async () => {
    const data = randomBytes(50_000);
    for (const order of ['fields first', 'file first'] as const) {
      const { seen, store } = sink();
      const file = { name: 'file', filename: 'card front.jpg', type: 'image/jpeg', data };
      const parts = order === 'fields first' ? [...fields, file] : [file, ...fields];
      const got = await receive(form(parts), store);
      expect(got).toEqual({
        fields: {
          linkedType: 'client',
          linkedId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10',
          kind: 'insurance_card_front',
        },
        file: { filename: 'card front.jpg', declaredType: 'image/jpeg', bytes: data.length },
      });
      expect(seen.hash.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('hands the file on while the body is still arriving (never the whole file first)', async () => {
    const data = randomBytes(2 * 1024 * 1024);
    const body = source(
      form([...fields, { name: 'file', filename: 'a.pdf', type: 'application/pdf', data }]),
      1024,
    );
    const { seen, store, watch } = sink(data.length);
    watch(body);
    await receive(body, store, HEADERS, data.length);
    // what sits in stream buffers on the way (a few 16 KB high-water marks), not the file
    expect(seen.firstChunkAt).toBeGreaterThan(0);
    expect(seen.firstChunkAt).toBeLessThan(128 * 1024);
    expect(seen.bytes).toBe(data.length);
  });

  it('keeps the filename (UTF-8, without a path) and a `name` field; a part without a type declares none', async () => {
    const got = await receive(
      form([
        ...fields,
        { name: 'name', value: 'Carte d’assuré.png' },
        { name: 'file', filename: 'C:\\scans\\Zoë’s card.png', data: Buffer.from('x') },
      ]),
    );
    expect(got.fields['name']).toBe('Carte d’assuré.png');
    expect(got.file).toEqual({ filename: 'Zoë’s card.png', bytes: 1 });
    const octets = await receive(
      form([
        ...fields,
        { name: 'file', filename: 'a.png', type: 'application/octet-stream', data: Buffer.from('x') },
      ]),
    );
    expect(octets.file.declaredType).toBeUndefined();
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, without reading the rest of the body into the store', async () => {
    expect(
      (await receive(form([...fields, { name: 'file', filename: 'a.jpg', data: randomBytes(MAX) }]))).file
        .bytes,
    ).toBe(MAX);

    const { seen, store } = sink(Number.MAX_SAFE_INTEGER);
    const refused = await problem(
      receive(form([{ name: 'file', filename: 'a.jpg', data: randomBytes(MAX + 1) }, ...fields]), store),
    );
    expect(refused.status).toBe(413);
    expect(seen.bytes).toBeLessThanOrEqual(MAX + 1);
    const huge = await problem(
      receive(form([{ name: 'file', filename: 'a.jpg', data: randomBytes(4 * MAX) }]), store),
    );
    expect(huge.status).toBe(413);
  });

  it('refuses a form without a file part (422 on file)', async () => {
    const refused = await problem(receive(form(fields)));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { field: 'file', rule: 'required', message: 'Attach the file in a part named file' },
    ]);
  });

  it('refuses two files, storing only the first', async () => {
    const { seen, store } = sink();
    const two = form([
      ...fields,
      { name: 'file', filename: 'a.jpg', data: randomBytes(100) },
      { name: 'file', filename: 'b.jpg', data: randomBytes(100) },
    ]);
    const refused = await problem(receive(two, store));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'max_count' })]);
    expect(seen.calls).toBe(1);
  });

  it('refuses a file in a part with another name, and a `file` part without a filename (a text field)', async () => {
    const other = await problem(
      receive(form([...fields, { name: 'upload', filename: 'a.jpg', data: randomBytes(100) }])),
    );
    expect(other.body.errors).toEqual([
      expect.objectContaining({
        field: 'file',
        rule: 'file_part',
        message: 'The file must be sent in a part named file, not "upload"',
      }),
    ]);
    const text = await problem(receive(form([...fields, { name: 'file', value: 'not a file' }])));
    expect(text.status).toBe(422);
    expect(text.body.errors![0]).toMatchObject({ field: 'file', rule: 'file_part' });
  });

  it('refuses a field sent twice or longer than its limit, naming it', async () => {
    const twice = await problem(
      receive(
        form([
          ...fields,
          { name: 'kind', value: 'eob' },
          { name: 'file', filename: 'a.pdf', data: Buffer.from('x') },
        ]),
      ),
    );
    expect(twice.body.errors).toEqual([
      { field: 'kind', rule: 'duplicate', message: 'kind was sent more than once' },
    ]);
    const long = await problem(
      receive(
        form([
          ...fields,
          { name: 'name', value: 'x'.repeat(5000) },
          { name: 'file', filename: 'a.pdf', data: Buffer.from('x') },
        ]),
      ),
    );
    expect(long.body.errors).toEqual([
      { field: 'name', rule: 'max_length', message: 'name is longer than 1024 bytes' },
    ]);
  });

  it('refuses a form with more fields than an upload has (400)', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, value: 'x' }));
    const refused = await problem(
      receive(form([...many, { name: 'file', filename: 'a.pdf', data: Buffer.from('x') }])),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('more than 8 fields');
  });

  it('answers 400 for a body that is not a readable form: no boundary, cut short, or interrupted', async () => {
    const noBoundary = await problem(
      receive(form(fields), sink().store, { 'content-type': 'multipart/form-data' }),
    );
    expect(noBoundary).toMatchObject({
      status: 400,
      body: { message: 'The multipart body cannot be read: Multipart: Boundary not found' },
    });

    const cut = await problem(
      receive(
        form([...fields, { name: 'file', filename: 'a.jpg', data: randomBytes(1000) }], { close: false }),
      ),
    );
    expect(cut).toMatchObject({
      status: 400,
      body: { message: 'The multipart body cannot be read: Unexpected end of form' },
    });

    const broken = new PassThrough();
    const pending = receive(broken);
    broken.write(
      form([...fields, { name: 'file', filename: 'a.jpg', data: randomBytes(1000) }], { close: false }),
    );
    broken.destroy(new Error('ECONNRESET'));
    expect(await problem(pending)).toMatchObject({
      status: 400,
      body: { message: 'The upload was interrupted before its end' },
    });
  });

  it('passes on a failure of the store once the store has settled', async () => {
    let settled = false;
    const failing = async (file: Readable) => {
      file.resume();
      await new Promise((r) => setTimeout(r, 20));
      settled = true;
      throw new Error('NATS is gone');
    };
    await expect(
      receive(form([...fields, { name: 'file', filename: 'a.jpg', data: randomBytes(1000) }]), failing),
    ).rejects.toThrow('NATS is gone');
    expect(settled).toBe(true);
  });
});
