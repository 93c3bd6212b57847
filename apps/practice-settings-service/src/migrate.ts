import 'reflect-metadata';
import { validateEnv } from '@claimline/backend/util-config';
import { runMigrations } from '@claimline/backend/util-persistence';
import { PracticeSettingsEnv, SERVICE_NAME } from './config/env';
import { practiceSettingsDataSourceOptions } from './database/data-source';

async function main(): Promise<void> {
  const env = validateEnv(SERVICE_NAME, PracticeSettingsEnv);
  const ran = await runMigrations(practiceSettingsDataSourceOptions(env.DATABASE_URL));
  console.log(JSON.stringify({ level: 30, service: SERVICE_NAME, msg: `migrations: ${ran.length ? ran.join(', ') : 'up to date'}` }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
