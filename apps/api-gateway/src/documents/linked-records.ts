import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { DocumentLinkType } from '@claimline/contracts/documents';
import { RpcCallOptions, RpcError } from '@claimline/backend/util-nats';
import {
  CLAIMS,
  ClaimsClient,
  CLIENT_INSURANCE,
  ClientInsuranceClient,
  ENROLLMENTS,
  EnrollmentsClient,
  MESSAGING,
  MessagingClient,
} from '../common/rpc';

const unprocessable = (field: string, rule: string, message: string) =>
  new UnprocessableEntityException({ message, errors: [{ field, rule, message }] });

/**
 * A document is attached to a record of the same practice that exists: the gateway asks the
 * record's own service (as the uploader, so the service's scope rules apply) before the document
 * service stores anything (a claim: claims-service, e.g. its CMS-1500 kept for the record). A
 * message's attachment is linked to its thread (`message`, the thread id: it is uploaded before the
 * message that names it exists), checked with the uploader's view of the thread.
 */
@Injectable()
export class LinkedRecords {
  constructor(
    @Inject(CLIENT_INSURANCE) private readonly clientInsurance: ClientInsuranceClient,
    @Inject(ENROLLMENTS) private readonly enrollments: EnrollmentsClient,
    @Inject(MESSAGING) private readonly messaging: MessagingClient,
    @Inject(CLAIMS) private readonly claims: ClaimsClient,
  ) {}

  /** Resolves when `linkedId` is a `linkedType` record of the practice; 422 on `linkedType`/`linkedId` otherwise. */
  async check(
    practiceId: string,
    link: { linkedType: DocumentLinkType; linkedId: string },
    rpc: RpcCallOptions,
  ): Promise<void> {
    const { linkedType, linkedId } = link;
    switch (linkedType) {
      case 'client':
        return this.exists('client', () =>
          this.clientInsurance.send('client-insurance.client.get', { practiceId, clientId: linkedId }, rpc),
        );
      case 'policy':
        return this.exists('policy', () =>
          this.clientInsurance.send('client-insurance.policy.get', { practiceId, policyId: linkedId }, rpc),
        );
      case 'enrollment':
        return this.exists('enrollment', async () => {
          const enrollment = await this.enrollments.send(
            'enrollments.enrollment.get',
            { enrollmentId: linkedId },
            rpc,
          );
          if (enrollment.practiceId !== practiceId) throw RpcError.notFound('Enrollment', linkedId);
        });
      case 'claim':
        return this.exists('claim', () =>
          this.claims.send('claims.claim.get', { practiceId, claimId: linkedId }, rpc),
        );
      case 'message':
        return this.exists('message thread', () =>
          this.messaging.send('messaging.thread.get', { practiceId, threadId: linkedId }, rpc),
        );
    }
  }

  /** A `not_found` from the record's service becomes a 422 on `linkedId`; any other failure (503, 504…) stays what it is. */
  private async exists(what: string, lookup: () => Promise<unknown>): Promise<void> {
    try {
      await lookup();
    } catch (error) {
      if (error instanceof RpcError && error.code === 'not_found') {
        throw unprocessable('linkedId', 'exists', `There is no such ${what} in this practice`);
      }
      throw error;
    }
  }
}
