import { Module } from '@nestjs/common';
import { PracticeDirectory } from '../directory/practice-directory';
import { EmailLogService } from '../email/email-log.service';
import { EmailSenderHost } from '../email/email-sender.host';
import { PreferencesService } from '../preferences/preferences.service';
import { NotificationConsumers } from './notification-consumers';
import { NotificationsController } from './notifications.controller';

@Module({
  controllers: [NotificationsController],
  providers: [PracticeDirectory, EmailSenderHost, NotificationConsumers, EmailLogService, PreferencesService],
  exports: [EmailSenderHost, NotificationConsumers, PracticeDirectory],
})
export class NotificationsModule {}
