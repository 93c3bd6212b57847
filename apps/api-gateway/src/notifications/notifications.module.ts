import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { AdminEmailsController } from './admin-emails.controller';

/**
 * E-mail notifications (notifications-service).
 *
 * Routes (under /api/v1):
 * - `GET /admin/emails?status=pending|sent|failed&practiceId=&limit=&offset=` — the e-mail log,
 *   admins only, audited as `email/list`. Bodies are never returned (only subject and metadata).
 *
 * Not exposed yet: `notifications.preferences.get` / `.update` (per-recipient switches; the
 * console's notification settings page will add `GET|PATCH /practices/{practiceId}/notification-preferences`).
 */
@Module({
  controllers: [AdminEmailsController],
  providers: [...RPC_PROVIDERS],
})
export class NotificationsModule {}
