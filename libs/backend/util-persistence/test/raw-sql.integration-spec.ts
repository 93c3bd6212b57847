import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@claimline/backend/util-testing';
import { rawSql, serviceDataSourceOptions, tableOf } from '../src';

@Entity({ name: 'work_item' })
class WorkItemEntity {
  @PrimaryColumn('integer')
  id: number;

  @Column('text')
  state: string;
}

describe('rawSql and tableOf (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(
      serviceDataSourceOptions({
        url: db.url,
        schema: 'raw_sql_t',
        entities: [WorkItemEntity],
        migrations: [],
      }),
    );
    await ds.initialize();
    await ds.query('CREATE SCHEMA raw_sql_t');
    await ds.query('CREATE TABLE raw_sql_t.work_item (id integer PRIMARY KEY, state text NOT NULL)');
    await ds.query(`INSERT INTO raw_sql_t.work_item VALUES (1, 'pending'), (2, 'pending'), (3, 'done')`);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('names the table of an entity with the schema of its data source', () => {
    expect(tableOf(ds, WorkItemEntity)).toBe('"raw_sql_t"."work_item"');
    expect(tableOf(ds.manager, WorkItemEntity)).toBe('"raw_sql_t"."work_item"');
  });

  it('answers the rows of a SELECT, and of an UPDATE … RETURNING (not [rows, count])', async () => {
    const t = tableOf(ds, WorkItemEntity);
    expect(
      await rawSql(ds, 'set-based', `SELECT "id" FROM ${t} WHERE "state" = $1 ORDER BY "id"`, ['pending']),
    ).toEqual([{ id: 1 }, { id: 2 }]);
    const claimed = await ds.transaction((m) =>
      rawSql<{ id: number }>(
        m,
        'claim',
        `UPDATE ${t} SET "state" = 'claimed' WHERE "id" IN
           (SELECT "id" FROM ${t} WHERE "state" = 'pending' ORDER BY "id" LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING "id"`,
      ),
    );
    expect(claimed).toEqual([{ id: 1 }]);
    expect(await rawSql(ds, 'claim', `UPDATE ${t} SET "state" = 'x' WHERE "id" = 99 RETURNING "id"`)).toEqual(
      [],
    );
    expect(
      await rawSql(
        ds,
        'upsert',
        `INSERT INTO ${t} ("id", "state") VALUES (3, 'again') ON CONFLICT ("id") DO UPDATE SET "state" = EXCLUDED."state"
         WHERE ${t}."state" <> 'done' RETURNING "id"`,
      ),
    ).toEqual([]);
    expect(await ds.getRepository(WorkItemEntity).findOneByOrFail({ id: 3 })).toMatchObject({
      state: 'done',
    });
  });
});
