import { Logger } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { servicePrincipal } from '@claimline/contracts/common';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { PracticeLookup } from './practice-lookup';
import { AssertionSigner } from './keys';

const SUBJECT = 'practice-settings.practice.get';
const MAX_REMEMBERED = 10_000;

/**
 * Asks practice-settings, as this service scoped to that one practice, whether a practice
 * exists. Practices are never deleted, so a "yes" is remembered for the life of the process;
 * a "no" is asked again next time (the practice may have been created since).
 */
export class PracticeSettingsLookup implements PracticeLookup {
  private readonly logger = new Logger('PracticeLookup');
  private readonly known = new Set<string>();
  private readonly rpc: RpcClient<
    Record<typeof SUBJECT, { request: { practiceId: string }; response: unknown }>
  >;

  constructor(
    nc: NatsConnection,
    private readonly signer: AssertionSigner,
    timeoutMs: number,
    subjectPrefix: string,
  ) {
    this.rpc = new RpcClient(nc, timeoutMs, subjectPrefix, signer);
  }

  async exists(practiceId: string): Promise<boolean> {
    if (this.known.has(practiceId)) return true;
    try {
      await this.rpc.send(
        SUBJECT,
        { practiceId },
        { principal: servicePrincipal(this.signer.issuer, [SUBJECT], [practiceId]) },
      );
    } catch (error) {
      if (error instanceof RpcError && error.code === 'not_found') return false;
      this.logger.warn(`practice ${practiceId} could not be checked: ${(error as Error).message}`);
      throw error instanceof RpcError
        ? new RpcError({ code: 'unavailable', message: 'Practice settings could not confirm the practice' })
        : error;
    }
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.add(practiceId);
    return true;
  }
}
