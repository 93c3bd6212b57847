import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Principal, principalId } from '@claimline/contracts/common';
import type { ClaimPayerStatusResult, ClaimPayerStatusView } from '@claimline/contracts/claims';
import type { ClaimStatus } from '@claimline/domain';
import { read277, write276 } from '@claimline/x12';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { RpcError } from '@claimline/backend/util-nats';
import { findInPractice } from '@claimline/backend/util-persistence';
import type { ClaimPayload } from '../claims/claim.mapper';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClaimStatusHistoryEntity } from '../claims/entities/claim-status-history.entity';
import { ClaimsEnv } from '../config/env';
import { ClearinghouseRealtimeClient } from '@claimline/backend/clearinghouse';
import { ClaimStatusInquiryEntity } from './entities/claim-status-inquiry.entity';
import { daysFor, parseDaysByPayer } from './inquiry-config';

/** Claims that are at the payer: sent, and no final answer (paid, denied, deductible) or rejection yet. */
export const AT_PAYER: readonly ClaimStatus[] = ['submitted', 'received', 'accepted'];
/** At most this many claims are asked about per sweep; the rest wait for the next. */
export const SWEEP_LIMIT = 200;
const DAY_MS = 86_400_000;

/**
 * Claim status (276 → clearinghouse → 277) for claims at the payer: asked by a user, or by the
 * sweep for claims with no answer N days after submission (per payer). The payer's status is kept
 * in words with the claim (`claim_status_inquiry`); the claim's own status is left to the
 * 277CA/835 that move it.
 */
@Injectable()
export class ClaimStatusInquiryService {
  private readonly log = new Logger('ClaimStatusInquiry');
  private readonly daysByPayer: Map<string, number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PhiCipher,
    private readonly clearinghouse: ClearinghouseRealtimeClient,
    private readonly env: ClaimsEnv,
  ) {
    this.daysByPayer = parseDaysByPayer(env.CLAIM_STATUS_AFTER_DAYS_BY_PAYER);
  }

  async inquire(
    actor: Principal,
    practiceId: string,
    claimId: string,
    trigger: 'manual' | 'scheduled' = 'manual',
  ): Promise<ClaimPayerStatusView> {
    const claim = await findInPractice(this.db.manager, ClaimEntity, 'Claim', practiceId, claimId);
    if (!AT_PAYER.includes(claim.status))
      throw RpcError.conflict(
        `A claim in status ${claim.status} is not at the payer: there is no status to ask for`,
      );
    const { snapshot: s } = JSON.parse(
      this.cipher.decrypt(claim.payloadCiphertext, `claim:${claim.id}`),
    ) as ClaimPayload;
    const dependent = s.patient.relationshipToSubscriber !== 'self';
    const written = write276({
      createdAt: new Date(),
      usage: 'P',
      interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
      interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHOUSE' },
      applicationSender: 'CLAIMLINE',
      applicationReceiver: 'CLEARINGHOUSE',
      controlNumbers: { interchange: randomInt(1, 999_999_999), group: 1, transaction: 1 },
      referenceId: claim.patientControlNumber,
      payer: { name: s.payer.name, id: s.payer.payerId },
      receiver: { name: 'Claimline', id: 'CLAIMLINE' },
      provider: {
        entity: s.billingProvider.billAs === 'individual' ? 'person' : 'organization',
        name: s.billingProvider.name,
        ...(s.billingProvider.firstName && { firstName: s.billingProvider.firstName }),
        npi: s.billingProvider.npi,
      },
      claims: [
        {
          claimId: claim.patientControlNumber,
          charge: claim.totalCents,
          serviceDateFrom: claim.serviceFrom,
          serviceDateTo: claim.serviceTo,
          subscriber: {
            lastName: s.subscriber.lastName,
            firstName: s.subscriber.firstName,
            memberId: s.subscriber.memberId,
            ...(!dependent && s.subscriber.birthDate && { birthDate: s.subscriber.birthDate }),
            ...(!dependent && s.subscriber.sex && { gender: s.subscriber.sex }),
          },
          ...(dependent && {
            patient: {
              lastName: s.patient.lastName,
              firstName: s.patient.firstName,
              birthDate: s.patient.birthDate,
              gender: s.patient.sex,
            },
          }),
        },
      ],
    });
    if (!written.x12)
      throw RpcError.validation(
        written.problems.map((p) => ({ field: p.field, rule: 'x12', message: p.message })),
        `The claim status request cannot be written: ${written.problems[0]?.message ?? 'unknown problem'}`,
      );
    const answer = read277(await this.clearinghouse.exchange(written.x12));
    if (!answer.ok)
      throw new RpcError({
        code: 'unavailable',
        message: `The clearinghouse's answer is not a 277 we can read: ${answer.error.message}`,
      });
    const result = answer.value
      .flatMap((r) => r.claims)
      .find((c) => c.claimId === claim.patientControlNumber || c.traceNumber === claim.patientControlNumber);
    const status = result?.statuses[0];
    if (!result || !status)
      throw new RpcError({ code: 'unavailable', message: 'The 277 does not answer for this claim' });
    const id = randomUUID();
    const row = this.db.manager.create(ClaimStatusInquiryEntity, {
      id,
      practiceId,
      claimId: claim.id,
      askedAt: new Date(),
      category: status.category,
      code: status.code || null,
      statusText: status.text,
      paidCents: status.paid ?? null,
      payerClaimNumber: result.payerClaimNumber ?? null,
      messageCiphertext: status.message ? this.cipher.encrypt(status.message, `claim-status:${id}`) : null,
      trigger,
      askedBy: principalId(actor),
    });
    await this.db.manager.save(row);
    return this.view(row);
  }

  async last(practiceId: string, claimId: string): Promise<ClaimPayerStatusResult> {
    await findInPractice(this.db.manager, ClaimEntity, 'Claim', practiceId, claimId);
    const row = await this.db.manager.findOne(ClaimStatusInquiryEntity, {
      where: { practiceId, claimId },
      order: { askedAt: 'DESC', id: 'ASC' },
    });
    return { last: row ? this.view(row) : null };
  }

  /**
   * Claims at the payer whose submission is older than their payer's days, and that were not
   * asked about within those days either: asked one by one, as this service.
   */
  async due(now = new Date()): Promise<{ id: string; practiceId: string }[]> {
    const rows = await this.db.manager
      .createQueryBuilder(ClaimEntity, 'c')
      .select('c.id', 'id')
      .addSelect('c.practiceId', 'practiceId')
      .addSelect('c.payerId', 'payerId')
      .addSelect(
        (q) =>
          q
            .select('MAX(h.at)')
            .from(ClaimStatusHistoryEntity, 'h')
            .where('h.claimId = c.id')
            .andWhere('h.toStatus = :submitted', { submitted: 'submitted' }),
        'submittedAt',
      )
      .addSelect(
        (q) => q.select('MAX(i.askedAt)').from(ClaimStatusInquiryEntity, 'i').where('i.claimId = c.id'),
        'askedAt',
      )
      .where('c.status IN (:...atPayer)', { atPayer: AT_PAYER })
      .getRawMany<{
        id: string;
        practiceId: string;
        payerId: string;
        submittedAt: Date | null;
        askedAt: Date | null;
      }>();
    return rows
      .filter((r) => {
        const wait = daysFor(r.payerId, this.daysByPayer, this.env.CLAIM_STATUS_AFTER_DAYS) * DAY_MS;
        const since = Math.max(new Date(r.submittedAt ?? 0).getTime(), new Date(r.askedAt ?? 0).getTime());
        return r.submittedAt !== null && now.getTime() - since >= wait;
      })
      .slice(0, SWEEP_LIMIT)
      .map(({ id, practiceId }) => ({ id, practiceId }));
  }

  /** One sweep; a claim the clearinghouse cannot answer for is logged (by id) and asked again next time. */
  async sweep(actor: Principal, now = new Date()): Promise<number> {
    let asked = 0;
    for (const claim of await this.due(now)) {
      try {
        await this.inquire(actor, claim.practiceId, claim.id, 'scheduled');
        asked++;
      } catch (error) {
        this.log.warn(
          `claim ${claim.id}: no status (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    return asked;
  }

  private view(row: ClaimStatusInquiryEntity): ClaimPayerStatusView {
    return {
      id: row.id,
      claimId: row.claimId,
      askedAt: row.askedAt.toISOString(),
      category: row.category,
      code: row.code,
      status: row.statusText,
      paidCents: row.paidCents,
      payerClaimNumber: row.payerClaimNumber,
      message: row.messageCiphertext
        ? this.cipher.decrypt(row.messageCiphertext, `claim-status:${row.id}`)
        : null,
      trigger: row.trigger,
    };
  }
}
