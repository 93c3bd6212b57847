import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PhiCipher } from '@claimline/backend/util-crypto';

export type ArchiveDirection = 'sent' | 'received';

/** Where every file sent and received is kept for the audit trail (a port). */
export interface FileArchive {
  /** Keeps the bytes; answers the reference to read them back with. */
  put(account: string, direction: ArchiveDirection, name: string, content: Buffer): Promise<string>;
  get(reference: string): Promise<Buffer>;
}

/**
 * A FileArchive in a directory: `<dir>/<account>/<sent|received>/<YYYY-MM-DD>/<name>.<sha256 prefix>.enc`,
 * each file encrypted with the PHI key (AES-256-GCM, PhiCipher) and bound to its reference, so a
 * file moved or renamed in the archive no longer decrypts. X12 files hold PHI: never kept in clear.
 */
export class EncryptedDirectoryArchive implements FileArchive {
  constructor(
    private readonly dir: string,
    private readonly cipher: PhiCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(account: string, direction: ArchiveDirection, name: string, content: Buffer): Promise<string> {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
    const day = this.now().toISOString().slice(0, 10);
    const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
    const reference = [safe(account), direction, day, `${safe(name)}.${digest}.enc`].join('/');
    const file = path.join(this.dir, reference);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const sealed = this.cipher.encrypt(content.toString('base64'), `clearinghouse-archive:${reference}`);
    // Written whole then renamed: a crash never leaves half a file under the final name.
    await writeFile(`${file}.tmp`, sealed, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return reference;
  }

  async get(reference: string): Promise<Buffer> {
    if (reference.split('/').some((p) => p === '..' || p === '')) throw new Error('Not an archive reference');
    const sealed = await readFile(path.join(this.dir, reference), 'utf8');
    return Buffer.from(this.cipher.decrypt(sealed, `clearinghouse-archive:${reference}`), 'base64');
  }
}
