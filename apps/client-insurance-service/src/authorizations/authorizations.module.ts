import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { PoliciesModule } from '../policies/policies.module';
import { AuthorizationsController } from './authorizations.controller';
import { AuthorizationsService } from './authorizations.service';
import { CoverageService } from './coverage.service';

@Module({
  imports: [ClientsModule, PoliciesModule],
  controllers: [AuthorizationsController],
  providers: [AuthorizationsService, CoverageService],
})
export class AuthorizationsModule {}
