import { Module } from '@nestjs/common';
import { PracticeDirectoryConsumer } from '../directory/practice-directory.consumer';
import { EmailLogService } from '../email/email-log.service';
import { EmailQueueMetrics } from '../email/email-queue.metrics';
import { EmailSenderHost } from '../email/email-sender.host';
import { PreferencesService } from '../preferences/preferences.service';
import { NotificationsConsumer } from './notifications.consumer';
import { NotificationsController } from './notifications.controller';

@Module({
  controllers: [NotificationsController],
  providers: [
    PracticeDirectoryConsumer,
    EmailSenderHost,
    NotificationsConsumer,
    EmailLogService,
    PreferencesService,
    EmailQueueMetrics,
  ],
  exports: [EmailSenderHost, NotificationsConsumer, PracticeDirectoryConsumer],
})
export class NotificationsModule {}
