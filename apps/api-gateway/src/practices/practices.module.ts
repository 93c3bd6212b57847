import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RPC_PROVIDERS } from '../common/rpc';
import { BillingProfileController } from './billing-profile.controller';
import { LocationsController } from './locations.controller';
import { PracticesController } from './practices.controller';
import { ReadinessController } from './readiness.controller';
import { ReferenceController } from './reference.controller';
import { TeamMembersController } from './team-members.controller';

@Module({
  imports: [AuthModule],
  controllers: [
    PracticesController,
    TeamMembersController,
    LocationsController,
    BillingProfileController,
    ReadinessController,
    ReferenceController,
  ],
  providers: [...RPC_PROVIDERS],
})
export class PracticesModule {}
