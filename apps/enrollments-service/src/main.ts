import 'reflect-metadata';
import { validateEnv } from '@claimline/backend/util-config';
import { natsCredentialsOf } from '@claimline/backend/util-nats';
import { bootstrapService } from '@claimline/backend/util-service';
import { AppModule } from './app.module';
import { EnrollmentsEnv, SERVICE_NAME } from './config/env';

async function main(): Promise<void> {
  const env = validateEnv(SERVICE_NAME, EnrollmentsEnv, process.env);
  await bootstrapService(AppModule.register(env), {
    name: SERVICE_NAME,
    natsUrl: env.NATS_URL,
    natsCredentials: natsCredentialsOf(env),
    rpcSubjectPrefix: env.RPC_SUBJECT_PREFIX,
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
