import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RPC_PROVIDERS } from '../common/rpc';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { BootstrapAdmin } from './bootstrap-admin';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UsersService, BootstrapAdmin, ...RPC_PROVIDERS],
  exports: [UsersService],
})
export class UsersModule {}
