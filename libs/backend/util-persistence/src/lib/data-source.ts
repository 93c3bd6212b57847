import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceConfig {
  url: string;
  /** The PostgreSQL schema this service owns, e.g. `practice_settings`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  applicationName?: string;
  poolSize?: number;
}

/**
 * One DataSource per service schema: snake_case names, its own migrations table, and
 * `synchronize` off — the schema changes only through reviewed migrations.
 */
export function serviceDataSourceOptions(config: ServiceDataSourceConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    entities: config.entities,
    migrations: config.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['warn', 'migration'],
    applicationName: config.applicationName ?? config.schema,
    extra: { max: config.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}

/**
 * Creates the schema if needed and runs pending migrations; returns the names that ran. TypeORM
 * takes no lock, so the run holds the session advisory lock `claimline-migrate:<schema>` on a
 * connection of its own: migrate steps of several replicas (Kubernetes init containers) run one
 * after the other, and the later ones find nothing pending.
 */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const schema = (options as { schema?: string }).schema;
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  const key = `claimline-migrate:${schema ?? 'public'}`;
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    // A service's own role owns its schema but may not create schemas: only create it when missing.
    const exists =
      schema &&
      (await dataSource.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).length > 0;
    if (schema && !exists) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    // closing the session releases the lock too; unlocking first lets the next runner go at once
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
