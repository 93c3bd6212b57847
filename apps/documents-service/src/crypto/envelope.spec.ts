import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentIntegrityError, EnvelopeCipher, FILE_MAGIC } from './envelope';

async function run(input: Buffer, t: NodeJS.ReadWriteStream): Promise<Buffer> {
  const out: Buffer[] = [];
  const chunks = [];
  for (let i = 0; i < input.length; i += 1000) chunks.push(input.subarray(i, i + 1000));
  await pipeline(Readable.from(chunks), t, async (src: AsyncIterable<string | Buffer>) => {
    for await (const c of src) out.push(Buffer.from(c));
  });
  return Buffer.concat(out);
}

describe('EnvelopeCipher', () => {
  const env = new EnvelopeCipher(randomBytes(32).toString('base64'));
  const id = randomUUID();
  const plain = randomBytes(25_000);

  it('round-trips with a per-file key wrapped by the service key; the file is not the plaintext', async () => {
    const { key, wrapped } = env.newDataKey(id);
    expect(wrapped).not.toContain(key.toString('base64'));
    const file = await run(plain, env.encryptStream(key, id));
    expect(file.subarray(0, FILE_MAGIC.length)).toEqual(FILE_MAGIC);
    expect(file.includes(plain.subarray(0, 64))).toBe(false);
    expect(await run(file, env.decryptStream(env.unwrap(wrapped, id), id))).toEqual(plain);
  });

  it('gives every file its own key', () => {
    expect(env.newDataKey(id).key).not.toEqual(env.newDataKey(id).key);
  });

  it('detects a flipped byte, a truncated file, and a key moved to another document', async () => {
    const { key, wrapped } = env.newDataKey(id);
    const file = await run(plain, env.encryptStream(key, id));
    const tampered = Buffer.from(file);
    tampered[500] ^= 1;
    await expect(run(tampered, env.decryptStream(key, id))).rejects.toBeInstanceOf(DocumentIntegrityError);
    await expect(run(file.subarray(0, 20), env.decryptStream(key, id))).rejects.toThrow('truncated');
    await expect(run(file, env.decryptStream(key, randomUUID()))).rejects.toThrow('authentication tag');
    expect(() => env.unwrap(wrapped, randomUUID())).toThrow(DocumentIntegrityError);
    expect(() => new EnvelopeCipher(randomBytes(32).toString('base64')).unwrap(wrapped, id)).toThrow(
      'cannot be unwrapped',
    );
  });

  it('encrypts an empty stream to a valid file', async () => {
    const { key } = env.newDataKey(id);
    const file = await run(Buffer.alloc(0), env.encryptStream(key, id));
    expect(await run(file, env.decryptStream(key, id))).toEqual(Buffer.alloc(0));
  });
});
