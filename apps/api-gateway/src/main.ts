import 'reflect-metadata';
import { validateEnv } from '@claimline/backend/util-config';
import { startTracing } from '@claimline/backend/util-metrics';
import { createGateway } from './app.factory';
import { GatewayEnv, SERVICE_NAME } from './config/env';

async function main(): Promise<void> {
  const env = validateEnv(SERVICE_NAME, GatewayEnv);
  // Before the app opens its connections, so the pg instrumentation sees the driver loaded.
  startTracing({ service: SERVICE_NAME });
  const app = await createGateway(env);
  await app.listen(env.PORT, env.HOST);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
