import { Global, Module } from '@nestjs/common';
import { ReadinessController } from './readiness.controller';
import { ReadinessRefresher } from './readiness.refresher';
import { ReadinessService } from './readiness.service';

/** Global: every module whose changes move readiness refreshes it in the same transaction. */
@Global()
@Module({
  controllers: [ReadinessController],
  providers: [ReadinessRefresher, ReadinessService],
  exports: [ReadinessRefresher],
})
export class ReadinessModule {}
