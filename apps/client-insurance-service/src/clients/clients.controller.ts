import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
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

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.clientCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreateClientCommand) {
    return this.clients.create(actor, cmd);
  }

  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.clientGet)
  get(@Caller() actor: Principal, @Payload('data') dto: ClientRefDto) {
    return this.clients.get(actor, dto.practiceId, dto.clientId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.clientList)
  list(@Caller() actor: Principal, @Payload('data') query: ListClientsQuery) {
    return this.clients.list(actor, query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.clientUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdateClientCommand) {
    return this.clients.update(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.missingInfoGet)
  missingInfo(@Caller() actor: Principal, @Payload('data') query: MissingInfoQuery) {
    return this.clients.missingInfoFor(actor, query.practiceId, query.clientId);
  }

  // claims-service asks as itself for the unbilled list's "!" reasons (one call per page).
  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.missingInfoGetMany)
  missingInfoMany(@Caller() actor: Principal, @Payload('data') query: MissingInfoManyQuery) {
    return this.clients.missingInfoMany(actor, query.practiceId, query.clientIds);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'client-insurance' };
  }
}
