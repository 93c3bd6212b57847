import { DataSourceOptions } from 'typeorm';
import { BaseServiceEnv, validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import { runMain } from './run-service';

/** The body of every service's `migrate.ts`: validate the environment, run pending migrations, exit. */
export function migrateMain<E extends BaseServiceEnv>(
  service: string,
  envClass: new () => E,
  options: (env: E) => DataSourceOptions,
): void {
  runMain(async () => {
    const env = validateEnv(service, envClass);
    const ran = await runMigrations(options(env));
    console.log(
      JSON.stringify({
        level: 30,
        time: Date.now(),
        service,
        msg: `migrations: ${ran.length ? ran.join(', ') : 'up to date'}`,
      }),
    );
  });
}
