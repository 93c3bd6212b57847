import type { QueryRunner } from 'typeorm';

/** Creates ReceivedFileEntity's table in `schema` (call it from the service's migration). */
export async function createClearinghouseTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE "${schema}"."clearinghouse_received_file" (
      "id" uuid PRIMARY KEY,
      "account" text NOT NULL,
      "name" text NOT NULL,
      "size" bigint NOT NULL,
      "checksum" text NOT NULL,
      "duplicate" boolean NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now()
    )`);
  await queryRunner.query(
    `CREATE UNIQUE INDEX "clearinghouse_received_file_once_idx" ON "${schema}"."clearinghouse_received_file" ("account", "checksum") WHERE NOT "duplicate"`,
  );
  await queryRunner.query(
    `CREATE UNIQUE INDEX "clearinghouse_received_file_name_idx" ON "${schema}"."clearinghouse_received_file" ("account", "name", "checksum")`,
  );
}

export async function dropClearinghouseTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}"."clearinghouse_received_file"`);
}
