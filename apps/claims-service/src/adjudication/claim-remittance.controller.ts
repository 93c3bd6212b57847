import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import type { Principal } from '@claimline/contracts/common';
import { ClaimRefDto, ClaimsSubjects as S } from '@claimline/contracts/claims';
import type { ClaimRemittanceRefView } from '@claimline/contracts/claims/plain';
import { ClaimsService } from '../claims/claims.service';

/**
 * What payments-service matches an ERA against, for its read model of claims (ADR 0022): ids,
 * control numbers, amounts and the lines' codes and dates; no names. Served to payments only.
 */
@Controller()
export class ClaimRemittanceController {
  constructor(private readonly claims: ClaimsService) {}

  @Authorize({ services: ['payments'], practice: 'practiceId' })
  @MessagePattern(S.claimRemittanceRef)
  async remittanceRef(
    @Caller() _caller: Principal,
    @Payload('data') dto: ClaimRefDto,
  ): Promise<ClaimRemittanceRefView> {
    const c = await this.claims.get(dto.practiceId, dto.claimId);
    return {
      id: c.id,
      practiceId: c.practiceId,
      clientId: c.clientId,
      payerId: c.payerId,
      patientControlNumber: c.patientControlNumber,
      status: c.status,
      totalCents: c.totalCents,
      serviceFrom: c.serviceFrom,
      filedOutside: c.filedOutside,
      version: c.version,
      lines: c.lines.map((l) => ({
        lineControlNumber: l.lineControlNumber,
        procedure: l.procedure,
        modifiers: [...l.modifiers],
        serviceDate: l.serviceDate,
        chargeCents: l.chargeCents,
      })),
    };
  }
}
