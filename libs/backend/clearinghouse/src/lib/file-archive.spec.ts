import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { EncryptedDirectoryArchive } from './file-archive';

describe('EncryptedDirectoryArchive', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-'));
  const archive = new EncryptedDirectoryArchive(
    dir,
    new PhiCipher(randomBytes(32).toString('base64')),
    () => new Date('2026-12-03T10:00:00Z'),
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a file encrypted under account, direction and day, and gives it back', async () => {
    const bytes = Buffer.from('NM1*IL*1*DOE*JANE****MI*XJ123~');
    const ref = await archive.put('sandbox', 'received', 'A.277CA', bytes);
    expect(ref).toMatch(/^sandbox\/received\/2026-12-03\/A\.277CA\.[0-9a-f]{16}\.enc$/);
    expect(readFileSync(path.join(dir, ref), 'utf8')).not.toContain('DOE');
    expect((await archive.get(ref)).equals(bytes)).toBe(true);
  });

  it('refuses a file moved to another name, and a reference leaving the archive', async () => {
    const ref = await archive.put('sandbox', 'sent', 'B.837', Buffer.from('ISA~'));
    const moved = ref.replace('B.837', 'C.837');
    renameSync(path.join(dir, ref), path.join(dir, moved));
    await expect(archive.get(moved)).rejects.toThrow();
    await expect(archive.get('../etc/passwd')).rejects.toThrow('Not an archive reference');
  });
});
