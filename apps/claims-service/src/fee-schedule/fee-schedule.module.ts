import { Module } from '@nestjs/common';
import { FeeScheduleController } from './fee-schedule.controller';
import { FeeScheduleService } from './fee-schedule.service';

@Module({
  controllers: [FeeScheduleController],
  providers: [FeeScheduleService],
  exports: [FeeScheduleService],
})
export class FeeScheduleModule {}
