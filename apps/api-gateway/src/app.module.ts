import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@claimline/backend/util-config';
import { MetricsModule } from '@claimline/backend/util-metrics';
import { NatsModule, natsCredentialsOf } from '@claimline/backend/util-nats';
import { RpcAuthModule } from '@claimline/backend/util-auth';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { ClientsModule } from './clients/clients.module';
import { DocumentsModule } from './documents/documents.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { configureLoginThrottle, PgThrottlerStorage, rateLimitMessage } from './auth/throttle';
import { ProblemFilter } from './common/problem.filter';
import { gatewayLoggerParams } from './common/request-log';
import { GatewayEnv, SERVICE_NAME } from './config/env';
import { gatewayDataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { MessagingModule } from './messaging/messaging.module';
import { PaymentsModule } from './payments/payments.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PracticesModule } from './practices/practices.module';
import { RealtimeModule } from './realtime/realtime.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static register(env: GatewayEnv): DynamicModule {
    configureLoginThrottle(env.LOGIN_RATE_LIMIT_PER_MINUTE);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(SERVICE_NAME, GatewayEnv, env),
        LoggerModule.forRoot({
          // Named wildcard (path-to-regexp 8), so Nest does not warn about a legacy '*' route.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: gatewayLoggerParams(SERVICE_NAME, env.LOG_LEVEL),
        }),
        TypeOrmModule.forRoot(gatewayDataSourceOptions(env.DATABASE_URL)),
        MetricsModule.forRoot({ service: SERVICE_NAME, port: env.METRICS_PORT, host: env.METRICS_HOST }),
        NatsModule.forRoot({
          url: env.NATS_URL,
          name: SERVICE_NAME,
          events: { subjectPrefix: env.EVENTS_SUBJECT_PREFIX, streamPrefix: env.EVENTS_STREAM_PREFIX },
          credentials: natsCredentialsOf(env),
        }),
        ThrottlerModule.forRootAsync({
          imports: [AuthModule],
          inject: [PgThrottlerStorage],
          useFactory: (storage: PgThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: env.RATE_LIMIT_PER_MINUTE }],
            storage,
            errorMessage: (_context, limit) => rateLimitMessage(limit.timeToBlockExpire),
          }),
        }),
        // Signs what the gateway asserts about each caller; the key is the gateway's alone.
        RpcAuthModule.forRoot({ issuer: SERVICE_NAME, signingKey: env.RPC_SIGNING_KEY }),
        AuthModule,
        AuditModule,
        PracticesModule,
        ClientsModule,
        DocumentsModule,
        EnrollmentsModule,
        ClaimsModule,
        NotificationsModule,
        MessagingModule,
        RealtimeModule,
        PaymentsModule,
        UsersModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
