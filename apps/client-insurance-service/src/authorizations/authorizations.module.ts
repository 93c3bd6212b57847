import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { AuthorizationsController } from './authorizations.controller';
import { AuthorizationsService } from './authorizations.service';
import { CoverageService } from './coverage.service';

@Module({
  imports: [PoliciesModule],
  controllers: [AuthorizationsController],
  providers: [AuthorizationsService, CoverageService],
})
export class AuthorizationsModule {}
