import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  AuthorizationRefDto,
  AuthorizationUseCommand,
  AuthorizationUseBatchCommand,
  AuthorizationUseManyCommand,
  ClientInsuranceSubjects as S,
  CoverageManyQuery,
  CreateAuthorizationCommand,
  ListAuthorizationsQuery,
  UpdateAuthorizationCommand,
} from '@claimline/contracts/client-insurance';
import { AuthorizationsService } from './authorizations.service';
import { CoverageService } from './coverage.service';

@Controller()
export class AuthorizationsController {
  constructor(
    private readonly authorizations: AuthorizationsService,
    private readonly coverage: CoverageService,
  ) {}

  /** For claims-service's unbilled list (asked as itself, scoped to the practice): one call per page. */
  @Authorize({ services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.coverageGetMany)
  coverageMany(@Caller() caller: Principal, @Payload('data') query: CoverageManyQuery) {
    return this.coverage.many(caller, query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.authorizationCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreateAuthorizationCommand) {
    return this.authorizations.create(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.authorizationGet)
  get(@Caller() actor: Principal, @Payload('data') dto: AuthorizationRefDto) {
    return this.authorizations.get(actor, dto.practiceId, dto.authorizationId);
  }

  @Authorize({ roles: ROLES, services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.authorizationList)
  list(@Caller() actor: Principal, @Payload('data') query: ListAuthorizationsQuery) {
    return this.authorizations.list(actor, query.practiceId, query.policyId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.authorizationUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdateAuthorizationCommand) {
    return this.authorizations.update(actor, cmd);
  }

  @Authorize({ roles: ['admin', 'billing_staff'], services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.authorizationConsume)
  consume(@Caller() actor: Principal, @Payload('data') cmd: AuthorizationUseCommand) {
    return this.authorizations.consume(actor, cmd);
  }

  @Authorize({ roles: ['admin', 'billing_staff'], services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.authorizationConsumeMany)
  consumeMany(@Caller() actor: Principal, @Payload('data') cmd: AuthorizationUseManyCommand) {
    return this.authorizations.consumeMany(actor, cmd);
  }

  @Authorize({ roles: ['admin', 'billing_staff'], services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.authorizationConsumeBatch)
  consumeBatch(@Caller() actor: Principal, @Payload('data') cmd: AuthorizationUseBatchCommand) {
    return this.authorizations.consumeBatch(actor, cmd);
  }

  @Authorize({ roles: ['admin', 'billing_staff'], services: ['claims'], practice: 'practiceId' })
  @MessagePattern(S.authorizationRelease)
  release(@Caller() actor: Principal, @Payload('data') cmd: AuthorizationUseCommand) {
    return this.authorizations.release(actor, cmd);
  }
}
