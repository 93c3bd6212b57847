import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalFsStorageDriver } from './local-fs.driver';
import { StoredFileMissingError } from './storage-driver';

describe('LocalFsStorageDriver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimline-docs-'));
  const driver = new LocalFsStorageDriver(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const readAll = async (r: Readable) => {
    const parts: Buffer[] = [];
    for await (const c of r) parts.push(c as Buffer);
    return Buffer.concat(parts);
  };

  it('writes, reads and deletes by key', async () => {
    const key = randomUUID();
    expect(await driver.write(key, Readable.from([Buffer.from('abc'), Buffer.from('def')]))).toEqual({
      bytes: 6,
    });
    expect((await readAll(await driver.read(key))).toString()).toBe('abcdef');
    await driver.delete(key);
    await expect(driver.read(key)).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it('leaves nothing behind when the stream fails, and refuses keys that are not ids', async () => {
    const key = randomUUID();
    const failing = new Readable({
      read() {
        this.destroy(new Error('upload broke'));
      },
    });
    await expect(driver.write(key, failing)).rejects.toThrow('upload broke');
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([]);
    expect(() => driver.pathOf('../../etc/passwd')).toThrow('Invalid storage key');
  });
});
