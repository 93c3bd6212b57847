import { DynamicModule, INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { rpcValidationPipe } from '@claimline/backend/util-nats';
import { AllRpcExceptionsFilter } from './rpc-exception.filter';
import { RequestIdInterceptor } from './request-id.interceptor';

export interface ServiceBootstrapOptions {
  /** Service name; also its queue group, so replicas share the load. */
  name: string;
  natsUrl: string;
}

/**
 * Starts a service as a NATS microservice: queue group, validation that answers with field
 * errors, structured RPC errors, request ids, JSON logs, graceful shutdown on SIGTERM.
 */
export async function bootstrapService(module: Type<unknown> | DynamicModule, options: ServiceBootstrapOptions): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module, {
    transport: Transport.NATS,
    options: {
      servers: options.natsUrl.split(','),
      queue: options.name,
      name: `${options.name}-rpc`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    },
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(rpcValidationPipe());
  app.useGlobalFilters(new AllRpcExceptionsFilter());
  app.useGlobalInterceptors(new RequestIdInterceptor());
  app.enableShutdownHooks();
  await app.listen();
  return app;
}
