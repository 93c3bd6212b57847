import { EntityManager, IsNull } from 'typeorm';
import { RpcError } from '@claimline/backend/util-nats';
import { findInPractice } from './practice-scoped';

class NoteEntity {
  id!: string;
  practiceId!: string;
  removedAt!: Date | null;
  deletedAt!: Date | null;
}

/** Answers `findOne` with `row` and keeps the options it was asked with. */
function managerAnswering(row: NoteEntity | null): { m: EntityManager; asked: unknown[] } {
  const asked: unknown[] = [];
  const m = {
    findOne: async (_entity: unknown, options: unknown) => {
      asked.push(options);
      return row;
    },
  } as unknown as EntityManager;
  return { m, asked };
}

const row = (extra: Partial<NoteEntity> = {}): NoteEntity =>
  Object.assign(new NoteEntity(), { id: 'n1', practiceId: 'p1', removedAt: null, deletedAt: null, ...extra });

describe('findInPractice', () => {
  it('looks the id up within the practice, locking only when asked', async () => {
    const { m, asked } = managerAnswering(row());
    await expect(findInPractice(m, NoteEntity, 'Note', 'p1', 'n1')).resolves.toEqual(row());
    await findInPractice(m, NoteEntity, 'Note', 'p1', 'n1', { lock: true, where: { deletedAt: IsNull() } });
    expect(asked[0]).toEqual({ where: { id: 'n1', practiceId: 'p1' } });
    expect(asked[1]).toEqual({
      where: { deletedAt: IsNull(), id: 'n1', practiceId: 'p1' },
      lock: { mode: 'pessimistic_write' },
    });
  });

  it('answers not_found naming the record when there is none in the practice', async () => {
    const { m } = managerAnswering(null);
    await expect(findInPractice(m, NoteEntity, 'Note', 'p1', 'n1')).rejects.toMatchObject({
      body: { code: 'not_found', message: 'Note n1 was not found' },
    });
    await expect(findInPractice(m, NoteEntity, 'Note', 'p1', 'n1')).rejects.toBeInstanceOf(RpcError);
  });

  it('takes a removed row as missing only for removable records', async () => {
    const { m } = managerAnswering(row({ removedAt: new Date() }));
    await expect(
      findInPractice(m, NoteEntity, 'Note', 'p1', 'n1', { removable: true }),
    ).rejects.toMatchObject({
      body: { code: 'not_found' },
    });
    await expect(findInPractice(m, NoteEntity, 'Note', 'p1', 'n1')).resolves.toMatchObject({ id: 'n1' });
  });
});
