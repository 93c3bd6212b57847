import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ClientInsuranceSubjects as S,
  CreatePayerCommand,
  PAYER_EDITOR_ROLES,
  PayerRefDto,
  SearchPayersQuery,
  UpdatePayerCommand,
} from '@claimline/contracts/client-insurance';
import { PayersService } from './payers.service';

/** The directory is shared: any signed-in actor may read it; only admins and billing staff edit it. */
@Controller()
export class PayersController {
  constructor(private readonly payers: PayersService) {}

  @Authorize({ roles: ROLES, services: ['enrollments'] })
  @MessagePattern(S.payerSearch)
  search(@Payload('data') query: SearchPayersQuery) {
    return this.payers.search(query);
  }

  @Authorize({ roles: ROLES, services: ['enrollments', 'claims'] })
  @MessagePattern(S.payerGet)
  get(@Payload('data') dto: PayerRefDto) {
    return this.payers.get(dto.payerId);
  }

  @Authorize({ roles: PAYER_EDITOR_ROLES })
  @MessagePattern(S.payerCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreatePayerCommand) {
    return this.payers.create(actor, cmd);
  }

  @Authorize({ roles: PAYER_EDITOR_ROLES })
  @MessagePattern(S.payerUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdatePayerCommand) {
    return this.payers.update(actor, cmd);
  }
}
