import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  CLAIM_EDITOR_ROLES,
  ClaimRefDto,
  Claims837Query,
  ClaimsSubjects as S,
  Cms1500Query,
  CreateClaimsCommand,
  FileOutsideCommand,
  ListClaimsQuery,
  ScrubClaimCommand,
  VoidClaimCommand,
} from '@claimline/contracts/claims';
import { ClaimsService } from './claims.service';

/**
 * Message handlers only. The practice's billing roles make, re-scrub and void claims; every role
 * of the practice reads them and downloads their CMS-1500 and 837P.
 */
@Controller()
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Authorize({ roles: CLAIM_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimCreateFromAppointments)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreateClaimsCommand) {
    return this.claims.createFromAppointments(actor, cmd);
  }

  @Authorize({ roles: CLAIM_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentFileOutside)
  fileOutside(@Caller() actor: Principal, @Payload('data') cmd: FileOutsideCommand) {
    return this.claims.fileOutside(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimGet)
  get(@Caller() _actor: Principal, @Payload('data') dto: ClaimRefDto) {
    return this.claims.get(dto.practiceId, dto.claimId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimList)
  list(@Caller() _actor: Principal, @Payload('data') query: ListClaimsQuery) {
    return this.claims.list(query);
  }

  @Authorize({ roles: CLAIM_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimScrub)
  scrub(@Caller() actor: Principal, @Payload('data') cmd: ScrubClaimCommand) {
    return this.claims.scrub(actor, cmd);
  }

  @Authorize({ roles: CLAIM_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimVoid)
  void(@Caller() actor: Principal, @Payload('data') cmd: VoidClaimCommand) {
    return this.claims.void(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimPrint)
  cms1500(@Caller() _actor: Principal, @Payload('data') query: Cms1500Query) {
    return this.claims.cms1500(query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimExport)
  x12(@Caller() _actor: Principal, @Payload('data') query: Claims837Query) {
    return this.claims.x12(query);
  }
}
