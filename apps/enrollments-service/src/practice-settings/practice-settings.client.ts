import { Inject, Injectable } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { SERVICE_NAME } from '../config/env';
import { PracticeFacts } from './enrollment-request';

export const PRACTICE_SETTINGS_RPC = Symbol('PRACTICE_SETTINGS_RPC');

/** What +Enroll reads from practice-settings, and nothing else. */
const RIGHTS = [
  'practice-settings.practice.get',
  'practice-settings.billing-profile.get',
  'practice-settings.team-member.list',
];

/**
 * Reads what +Enroll needs from practice-settings over request-reply, at the moment of the
 * enrollment (a read model would be stale by design for data the payer matches exactly).
 *
 * Everything is read as this service, scoped to that one practice: the user's own scope was
 * checked by the guard before +Enroll ran, and the payer needs the whole SSN that a practice
 * owner only ever sees masked.
 *
 * A practice-settings that does not serve the billing profile or team members (no responder on
 * the subject) adds a note and leaves those fields missing rather than failing +Enroll: the
 * refusal then names what to fill in.
 */
@Injectable()
export class PracticeSettingsClient {
  constructor(@Inject(PRACTICE_SETTINGS_RPC) private readonly rpc: RpcClient<PracticeSettingsRpc>) {}

  async facts(practiceId: string): Promise<PracticeFacts> {
    const requestId = currentRequestId();
    const principal = servicePrincipal(SERVICE_NAME, RIGHTS, [practiceId]);
    const practice = await this.rpc.send(
      'practice-settings.practice.get',
      { practiceId },
      { principal, requestId },
    );
    const notes: string[] = [];
    const [billingProfile, members] = await Promise.all([
      this.rpc
        .send('practice-settings.billing-profile.get', { practiceId }, { principal, requestId })
        .catch((e) => absent(e, notes, 'the billing profile')),
      this.rpc
        .send('practice-settings.team-member.list', { practiceId, limit: 200 }, { principal, requestId })
        .catch((e) => absent(e, notes, 'team members')),
    ]);
    const owner = members?.items.find((m) => m.role === 'owner') ?? null;
    return { practice, billingProfile, owner, notes };
  }
}

function absent(error: unknown, notes: string[], what: string): null {
  if (error instanceof RpcError && (error.code === 'unavailable' || error.code === 'not_found')) {
    notes.push(`practice settings could not give ${what} (${error.body.message})`);
    return null;
  }
  throw error;
}
