import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import {
  AuthorizationRefDto,
  AuthorizationUseCommand,
  ClientInsuranceSubjects as S,
  CreateAuthorizationCommand,
  ListAuthorizationsQuery,
  UpdateAuthorizationCommand,
} from '@claimline/contracts/client-insurance';
import { AuthorizationsService } from './authorizations.service';

@Controller()
export class AuthorizationsController {
  constructor(private readonly authorizations: AuthorizationsService) {}

  @MessagePattern(S.authorizationCreate)
  create(@Payload('actor') actor: Actor, @Payload('data') cmd: CreateAuthorizationCommand) {
    return this.authorizations.create(actor, cmd);
  }

  @MessagePattern(S.authorizationGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: AuthorizationRefDto) {
    return this.authorizations.get(actor, dto.practiceId, dto.authorizationId);
  }

  @MessagePattern(S.authorizationList)
  list(@Payload('actor') actor: Actor, @Payload('data') query: ListAuthorizationsQuery) {
    return this.authorizations.list(actor, query.practiceId, query.policyId);
  }

  @MessagePattern(S.authorizationUpdate)
  update(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdateAuthorizationCommand) {
    return this.authorizations.update(actor, cmd);
  }

  @MessagePattern(S.authorizationConsume)
  consume(@Payload('actor') actor: Actor, @Payload('data') cmd: AuthorizationUseCommand) {
    return this.authorizations.consume(actor, cmd);
  }

  @MessagePattern(S.authorizationRelease)
  release(@Payload('actor') actor: Actor, @Payload('data') cmd: AuthorizationUseCommand) {
    return this.authorizations.release(actor, cmd);
  }
}
