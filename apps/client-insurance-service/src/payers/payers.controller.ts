import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import {
  ClientInsuranceSubjects as S,
  CreatePayerCommand,
  PayerRefDto,
  SearchPayersQuery,
  UpdatePayerCommand,
} from '@claimline/contracts/client-insurance';
import { PayersService } from './payers.service';

/** The directory is shared: any signed-in actor may read it; only admins and billing staff edit it. */
@Controller()
export class PayersController {
  constructor(private readonly payers: PayersService) {}

  @MessagePattern(S.payerSearch)
  search(@Payload('data') query: SearchPayersQuery) {
    return this.payers.search(query);
  }

  @MessagePattern(S.payerGet)
  get(@Payload('data') dto: PayerRefDto) {
    return this.payers.get(dto.payerId);
  }

  @MessagePattern(S.payerCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') cmd: CreatePayerCommand) {
    return this.payers.create(actor, cmd);
  }

  @MessagePattern(S.payerUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdatePayerCommand) {
    return this.payers.update(actor, cmd);
  }
}
