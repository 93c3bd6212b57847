import { Inject, Injectable } from '@nestjs/common';
import { type FieldError, servicePrincipal } from '@claimline/contracts/common';
import { ClientInsuranceRpc } from '@claimline/contracts/client-insurance';
import { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { SERVICE_NAME } from '../config/env';

export const CLIENT_INSURANCE_RPC = Symbol('CLIENT_INSURANCE_RPC');
export const PRACTICE_SETTINGS_RPC = Symbol('PRACTICE_SETTINGS_RPC');

const CLIENT_GET = 'client-insurance.client.get';
const MEMBER_GET = 'practice-settings.team-member.get';

/**
 * Asks the services that own them whether an appointment's client and rendering clinician belong
 * to the practice, at the moment the appointment is saved. Asked as this service (a signed identity
 * with exactly these rights, scoped to that one practice): the user's scope was checked by the
 * guard, and a clinician-scoped user may not read every team member's NPI.
 *
 * A refusal is a field error of the appointment (422 naming `clientId` or
 * `renderingTeamMemberId`); another practice's client answers like a missing one.
 */
@Injectable()
export class PracticeDirectoryClient {
  constructor(
    @Inject(CLIENT_INSURANCE_RPC) private readonly clients: RpcClient<ClientInsuranceRpc>,
    @Inject(PRACTICE_SETTINGS_RPC) private readonly settings: RpcClient<PracticeSettingsRpc>,
  ) {}

  async clientProblem(practiceId: string, clientId: string): Promise<FieldError | null> {
    const principal = servicePrincipal(SERVICE_NAME, [CLIENT_GET], [practiceId]);
    try {
      const client = await this.clients.send(
        CLIENT_GET,
        { practiceId, clientId },
        { principal, requestId: currentRequestId() },
      );
      return client.active
        ? null
        : {
            field: 'clientId',
            rule: 'client_inactive',
            message: 'The client is not active in this practice',
          };
    } catch (error) {
      if (isNotFound(error))
        return { field: 'clientId', rule: 'client', message: 'No client with this id in this practice' };
      throw error;
    }
  }

  /** The clinician's NPI, or the problem that keeps them from rendering a billable service. */
  async clinician(
    practiceId: string,
    memberId: string,
  ): Promise<{ npi: string; problem: null } | { npi: null; problem: FieldError }> {
    const principal = servicePrincipal(SERVICE_NAME, [MEMBER_GET], [practiceId]);
    try {
      const member = await this.settings.send(
        MEMBER_GET,
        { practiceId, memberId },
        { principal, requestId: currentRequestId() },
      );
      if (member.npi) return { npi: member.npi, problem: null };
      return {
        npi: null,
        problem: {
          field: 'renderingTeamMemberId',
          rule: 'npi',
          message: `${member.firstName} ${member.lastName} has no NPI in practice settings: a rendering clinician needs a Type 1 NPI`,
        },
      };
    } catch (error) {
      if (isNotFound(error))
        return {
          npi: null,
          problem: {
            field: 'renderingTeamMemberId',
            rule: 'team_member',
            message: 'No team member with this id in this practice',
          },
        };
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof RpcError && error.code === 'not_found';
}
