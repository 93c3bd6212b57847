import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_UNBILLED_PAGE,
  MAX_UNBILLED_PRACTICES,
  SetBillingTypeBody,
  UNBILLED_ROLES,
  UnbilledAcrossParams,
  UnbilledListParams,
  type UnbilledPage,
} from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { UuidParam } from '../common/params';
import { Rpc, type RpcMeta } from '../common/request-meta';
import { CLAIMS, type ClaimsClient, PRACTICE_SETTINGS, type PracticeSettingsClient } from '../common/rpc';

/**
 * The unbilled list (attended insurance appointments without a claim, each with the reasons that
 * keep it from a claim) and the self-pay switch. PHI: every read and change is audited.
 */
@ApiTags('unbilled appointments')
@ApiBearerAuth()
@Controller()
export class UnbilledController {
  constructor(
    @Inject(CLAIMS) private readonly claims: ClaimsClient,
    @Inject(PRACTICE_SETTINGS) private readonly practices: PracticeSettingsClient,
  ) {}

  @Get('practices/:practiceId/unbilled-appointments')
  @Roles(...UNBILLED_ROLES)
  @Audit({ resource: 'appointment', action: 'list' })
  @ApiOperation({
    summary:
      'Attended insurance appointments without a claim, newest first, each with what blocks its claim (`reasons`, each with the record that fixes it); page on with `cursor` = the `nextCursor` you got',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: UnbilledListParams) {
    return this.claims.send('claims.unbilled.list', { ...query, practiceIds: [practiceId] }, rpc);
  }

  @Get('unbilled-appointments')
  @Roles(...UNBILLED_ROLES)
  @Audit({ resource: 'appointment', action: 'list' })
  @ApiOperation({
    summary:
      'The unbilled list across every practice you work for (`practiceId` for one of them), merged newest first; an admin gets the first 200 of the practice list',
  })
  async across(@Query() query: UnbilledAcrossParams, @Rpc() rpc: RpcMeta): Promise<UnbilledPage> {
    const { practiceId, ...filters } = query;
    const practiceIds = practiceId ? [practiceId] : await this.practicesOf(rpc);
    if (practiceIds.length === 0)
      return { items: [], limit: filters.limit ?? DEFAULT_UNBILLED_PAGE, nextCursor: null, scanned: 0 };
    return this.claims.send('claims.unbilled.list', { ...filters, practiceIds }, rpc);
  }

  @Put('practices/:practiceId/appointments/:appointmentId/billing-type')
  @Roles(...UNBILLED_ROLES)
  @Audit({ resource: 'appointment', action: 'update', idParam: 'appointmentId' })
  @ApiOperation({
    summary:
      'Switch an appointment to self-pay (it leaves the unbilled list; its fee is the client’s) or back to insurance, with why; send the `version` you read (409 if it moved on or the appointment is on a claim)',
  })
  setBillingType(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('appointmentId', UuidParam) appointmentId: string,
    @Body() body: SetBillingTypeBody,
  ) {
    return this.claims.send(
      'claims.appointment.set-billing-type',
      { ...body, practiceId, appointmentId },
      rpc,
    );
  }

  @Get('practices/:practiceId/appointments/:appointmentId/billing-type-changes')
  @Roles(...UNBILLED_ROLES)
  @Audit({ resource: 'appointment', action: 'read', idParam: 'appointmentId' })
  @ApiOperation({
    summary: 'Every self-pay switch of the appointment and back: who, when, why (newest first)',
  })
  billingTypeChanges(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('appointmentId', UuidParam) appointmentId: string,
  ) {
    return this.claims.send('claims.billing-type-change.list', { practiceId, appointmentId }, rpc);
  }

  /**
   * The practices a user works for: their own list (billing staff's assignments, an owner's
   * practice); an admin, who sees every practice, gets the first page of the practice list.
   */
  private async practicesOf(rpc: RpcMeta): Promise<string[]> {
    if (rpc.actor.practiceIds !== null) return rpc.actor.practiceIds.slice(0, MAX_UNBILLED_PRACTICES);
    const page = await this.practices.send(
      'practice-settings.practice.list',
      { limit: MAX_UNBILLED_PRACTICES },
      rpc,
    );
    return page.items.map((p) => p.id);
  }
}
