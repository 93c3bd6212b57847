import { Module } from '@nestjs/common';
import { PracticeDirectoryConsumer } from '../directory/practice-directory.consumer';
import { PracticeRefLookup } from '../directory/practice-ref.lookup';
import { UnreadEmailScheduler } from '../unread/unread-email.scheduler';
import { MessagingController } from './messaging.controller';
import { MessagingService } from './messaging.service';

@Module({
  controllers: [MessagingController],
  providers: [MessagingService, PracticeDirectoryConsumer, PracticeRefLookup, UnreadEmailScheduler],
  exports: [UnreadEmailScheduler],
})
export class MessagingModule {}
