import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { GatewayEnv } from '../config/env';
import { ActorService } from './actor.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) => ({ secret: env.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, ActorService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ActorService],
})
export class AuthModule {}
