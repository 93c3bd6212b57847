import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { GatewayEnv } from '../config/env';
import { ActorService } from './actor.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PgThrottlerStorage } from './throttle';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [GatewayEnv],
      // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to parse
      // it as a PEM public key on every verify — the most expensive step of a request (profiled).
      useFactory: (env: GatewayEnv) => ({
        secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    ActorService,
    LoginThrottle,
    PgThrottlerStorage,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  // JwtModule: the realtime sockets verify the same access tokens.
  exports: [ActorService, PgThrottlerStorage, JwtModule],
})
export class AuthModule {}
