import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, NatsOptions, ServerNats } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { NatsCredentials, natsAuthOptions, rpcValidationPipe } from '@claimline/backend/util-nats';
import { RpcAuthGuard } from '@claimline/backend/util-auth';
import { rpcOutcome, rpcServerDuration } from '@claimline/backend/util-metrics';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { RequestIdInterceptor } from './request-id.interceptor';

export interface ServiceBootstrapOptions {
  /** Service name; also its queue group, so replicas share the load. */
  name: string;
  natsUrl: string;
  /** The service's NATS identity (`natsCredentialsOf(env)`); none on an open server. */
  natsCredentials?: NatsCredentials;
  /** `RPC_SUBJECT_PREFIX`: handlers listen on `<prefix><pattern>`. */
  rpcSubjectPrefix?: string;
}

/**
 * Nest's NATS server, listening on prefixed subjects. Handlers are still found by the pattern
 * inside the packet, which callers send unprefixed.
 */
export class PrefixedNatsServer extends ServerNats {
  constructor(
    private readonly natsOptions: NonNullable<NatsOptions['options']>,
    private readonly prefix: string,
  ) {
    super(natsOptions);
  }

  override bindEvents(client: Parameters<ServerNats['bindEvents']>[0]): void {
    const defaultQueue = this.natsOptions.queue;
    for (const [pattern, handler] of this.messageHandlers) {
      const queue = (handler.extras?.['queue'] as string | undefined) ?? defaultQueue;
      const sub = client.subscribe(this.prefix + pattern, {
        queue,
        callback: this.getMessageHandler(pattern).bind(this),
      });
      (this as unknown as { subscriptions: unknown[] }).subscriptions.push(sub);
    }
  }

  /**
   * Times each request from when Nest has decoded it to its first reply packet, by subject (without the prefix)
   * and outcome: every reply goes through here, a guard's or a pipe's refusal included.
   */
  override getPublisher(
    ...args: Parameters<ServerNats['getPublisher']>
  ): ReturnType<ServerNats['getPublisher']> {
    const publish = super.getPublisher(...args);
    const [natsMsg] = args;
    if (!natsMsg.reply) return publish;
    const subject = natsMsg.subject.startsWith(this.prefix)
      ? natsMsg.subject.slice(this.prefix.length)
      : natsMsg.subject;
    const end = rpcServerDuration.startTimer({ subject });
    let observed = false;
    return (packet: { err?: unknown }) => {
      if (!observed) {
        observed = true;
        end({ outcome: rpcOutcome(packet.err) });
      }
      return publish(packet);
    };
  }
}

/**
 * Starts a service as a NATS microservice: queue group, the caller-assertion guard before every
 * handler, validation that answers with field errors, structured RPC errors, request ids, JSON logs, graceful shutdown on SIGTERM.
 */
export async function bootstrapService(
  module: Type<unknown> | DynamicModule,
  options: ServiceBootstrapOptions,
): Promise<INestMicroservice> {
  const nats: NonNullable<NatsOptions['options']> = {
    servers: options.natsUrl.split(','),
    queue: options.name,
    name: `${options.name}-rpc`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    ...natsAuthOptions(options.natsCredentials),
  };
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    strategy: new PrefixedNatsServer(nats, options.rpcSubjectPrefix ?? ''),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalGuards(app.get(RpcAuthGuard));
  app.useGlobalPipes(rpcValidationPipe());
  app.useGlobalFilters(new AllRpcExceptionsFilter());
  app.useGlobalInterceptors(new RequestIdInterceptor());
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
