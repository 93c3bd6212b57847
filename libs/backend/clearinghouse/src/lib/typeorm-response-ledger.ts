import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ReceivedFileEntity } from './entities/received-file.entity';
import type { ReceivedFile, ResponseLedger } from './received-file';

/**
 * The ResponseLedger in PostgreSQL (ReceivedFileEntity): `once` inserts the file's row and runs
 * the work in the same transaction, so a crash in between leaves neither, and the unique index
 * on (account, checksum) makes a second copy of the same bytes a duplicate.
 */
export class TypeOrmResponseLedger implements ResponseLedger<EntityManager> {
  constructor(private readonly dataSource: DataSource) {}

  async known(account: string, name: string, size: number): Promise<boolean> {
    return this.dataSource.getRepository(ReceivedFileEntity).exists({ where: { account, name, size } });
  }

  async once(
    file: Omit<ReceivedFile, 'content' | 'archivedAs'>,
    work: (tx: EntityManager) => Promise<void>,
  ): Promise<'processed' | 'duplicate'> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const row = { account: file.account, name: file.name, size: file.size, checksum: file.checksum };
      // A racing transaction holding the same checksum makes this wait, then do nothing.
      const { raw } = await m
        .createQueryBuilder()
        .insert()
        .into(ReceivedFileEntity)
        .values({ id: randomUUID(), ...row, duplicate: false })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (!(raw as unknown[]).length) return 'duplicate' as const;
      await work(m);
      return 'processed' as const;
    });
    if (outcome === 'duplicate')
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(ReceivedFileEntity)
        .values({ id: randomUUID(), ...file, duplicate: true })
        .orIgnore()
        .execute();
    return outcome;
  }
}
