import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RPC_PROVIDERS } from '../common/rpc';
import { MessagingPush } from './messaging-push';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Secure messaging live (ADR 0026): the WebSocket endpoint `/api/v1/realtime` and the push of
 * messaging events to it. Needs the app's `WsAdapter` (app.factory.ts).
 */
@Module({
  imports: [AuthModule],
  providers: [...RPC_PROVIDERS, RealtimeGateway, MessagingPush],
})
export class RealtimeModule {}
