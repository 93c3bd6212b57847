import { DynamicModule } from '@nestjs/common';
import { BaseServiceEnv, validateEnv } from '@claimline/backend/util-config';
import { startTracing } from '@claimline/backend/util-metrics';
import { natsCredentialsOf } from '@claimline/backend/util-nats';
import { bootstrapService, ServiceBootstrapOptions } from './bootstrap';

/** A service's root module: `AppModule.register(env)`. */
export interface ServiceAppModule<E extends BaseServiceEnv> {
  register(env: E): DynamicModule;
}

/**
 * Runs a process's entry point. A failure prints its message only — an invalid configuration says
 * which variables and why, and no stack trace buries it — and exits 1 so the supervisor sees it.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/** How a service with this validated environment listens: its queue group, NATS identity and prefix. */
export function serviceBootstrapOptions(service: string, env: BaseServiceEnv): ServiceBootstrapOptions {
  return {
    name: service,
    natsUrl: env.NATS_URL,
    natsCredentials: natsCredentialsOf(env),
    rpcSubjectPrefix: env.RPC_SUBJECT_PREFIX,
  };
}

/** The whole of every service's `main.ts`: validate `process.env`, start the service, or exit 1 saying why. */
export function runService<E extends BaseServiceEnv>(
  appModule: ServiceAppModule<E>,
  envClass: new () => E,
  service: string,
): void {
  runMain(async () => {
    const env = validateEnv(service, envClass);
    // Before the app opens its connections, so the pg instrumentation sees the driver loaded.
    startTracing({ service });
    await bootstrapService(appModule.register(env), serviceBootstrapOptions(service, env));
  });
}
