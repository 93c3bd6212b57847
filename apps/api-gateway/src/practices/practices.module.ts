import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RPC_PROVIDERS } from '../common/rpc';
import { PracticesController } from './practices.controller';
import { TeamMembersController } from './team-members.controller';

@Module({
  imports: [AuthModule],
  controllers: [PracticesController, TeamMembersController],
  providers: [...RPC_PROVIDERS],
})
export class PracticesModule {}
