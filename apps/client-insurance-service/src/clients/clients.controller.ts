import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import {
  ClientInsuranceSubjects as S,
  ClientRefDto,
  CreateClientCommand,
  ListClientsQuery,
  MissingInfoManyQuery,
  MissingInfoQuery,
  UpdateClientCommand,
} from '@claimline/contracts/client-insurance';
import { ClientsService } from './clients.service';

/** Message handlers only: validation happens in the global pipe, rules in the service. */
@Controller()
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @MessagePattern(S.clientCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') cmd: CreateClientCommand) {
    return this.clients.create(actor, cmd);
  }

  @MessagePattern(S.clientGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: ClientRefDto) {
    return this.clients.get(actor, dto.practiceId, dto.clientId);
  }

  @MessagePattern(S.clientList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListClientsQuery) {
    return this.clients.list(actor, query);
  }

  @MessagePattern(S.clientUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdateClientCommand) {
    return this.clients.update(actor, cmd);
  }

  @MessagePattern(S.missingInfoGet)
  missingInfo(@Payload('actor') actor: Actor, @Payload('data') query: MissingInfoQuery) {
    return this.clients.missingInfoFor(actor, query.practiceId, query.clientId);
  }

  @MessagePattern(S.missingInfoGetMany)
  missingInfoMany(@Payload('actor') actor: Actor, @Payload('data') query: MissingInfoManyQuery) {
    return this.clients.missingInfoMany(actor, query.practiceId, query.clientIds);
  }

  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'client-insurance' };
  }
}
