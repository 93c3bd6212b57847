import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Principal, principalId, servicePrincipal } from '@claimline/contracts/common';
import type {
  CheckEligibilityCommand,
  EligibilityCheckView,
  LastEligibilityResult,
} from '@claimline/contracts/client-insurance';
import type { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import {
  BEHAVIOURAL_HEALTH_SERVICE_TYPES,
  type EligibilityInquiry,
  read271,
  summarizeCoverage,
  write270,
} from '@claimline/x12';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { findInPractice } from '@claimline/backend/util-persistence';
import { currentRequestId } from '@claimline/backend/util-service';
import { ClientEntity } from '../clients/entities/client.entity';
import { todayUtc } from '../common/today';
import { SERVICE_NAME } from '../config/env';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PolicyEntity } from '../policies/entities/policy.entity';
import { PracticeRefEntity } from '../practices/entities/practice-ref.entity';
import { ClearinghouseRealtimeClient } from '@claimline/backend/clearinghouse';
import { EligibilityCheckEntity } from './entities/eligibility-check.entity';
import { detailsOf, type EligibilityDetails } from './eligibility-words';

export const PRACTICE_SETTINGS_RPC = Symbol('PRACTICE_SETTINGS_RPC');
const BILLING_PROFILE_GET = 'practice-settings.billing-profile.get';

/** Our interchange ids for real-time requests (the sandbox answers whatever they are). */
export const REALTIME_SENDER = 'CLAIMLINE';
export const REALTIME_RECEIVER = 'CLEARINGHOUSE';

/**
 * Real-time eligibility (270 → clearinghouse → 271) for one policy: who the subscriber and the
 * client are, the payer's id, the practice's billing NPI; the answer summarised for behavioural
 * health and stored with its date, encrypted. The 270's trace number is the check's id, and the
 * answer's member is found by it.
 */
@Injectable()
export class EligibilityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PhiCipher,
    private readonly clearinghouse: ClearinghouseRealtimeClient,
    @Inject(PRACTICE_SETTINGS_RPC) private readonly settings: RpcClient<PracticeSettingsRpc>,
  ) {}

  async check(actor: Principal, cmd: CheckEligibilityCommand): Promise<EligibilityCheckView> {
    const m = this.db.manager;
    const policy = await findInPractice(m, PolicyEntity, 'Insurance policy', cmd.practiceId, cmd.policyId, {
      removable: true,
    });
    const [client, payer, practice, profile] = await Promise.all([
      findInPractice(m, ClientEntity, 'Client', cmd.practiceId, policy.clientId),
      m.findOneByOrFail(PayerEntity, { id: policy.payerId }),
      m.findOneBy(PracticeRefEntity, { practiceId: cmd.practiceId }),
      this.settings.send(
        BILLING_PROFILE_GET,
        { practiceId: cmd.practiceId },
        {
          principal: servicePrincipal(SERVICE_NAME, [BILLING_PROFILE_GET], [cmd.practiceId]),
          requestId: currentRequestId(),
        },
      ),
    ]);
    const date = cmd.date ?? todayUtc();
    const id = randomUUID();
    const payerId = payer.payerIds['default'] ?? Object.values(payer.payerIds)[0];
    const problems = [
      ...(payerId
        ? []
        : [{ field: 'payerId', rule: 'payer_id', message: `The payer ${payer.name} has no payer ID` }]),
      ...(profile.organizationNpi
        ? []
        : [
            {
              field: 'billingProfile.organizationNpi',
              rule: 'npi',
              message: "The practice's billing profile has no organization NPI to ask with",
            },
          ]),
      ...(client.birthDate || policy.relationship === 'self'
        ? []
        : [
            {
              field: 'client.birthDate',
              rule: 'required',
              message: "The client's birth date is needed when a dependent",
            },
          ]),
    ];
    if (problems.length) throw RpcError.validation(problems, problems[0]!.message);

    const self = policy.relationship === 'self';
    const memberId = this.cipher.decrypt(policy.memberIdCiphertext, policy.id);
    const sub = policy.subscriber;
    const inquiry: EligibilityInquiry = {
      createdAt: new Date(),
      usage: 'P',
      interchangeSender: { qualifier: 'ZZ', id: REALTIME_SENDER },
      interchangeReceiver: { qualifier: 'ZZ', id: REALTIME_RECEIVER },
      applicationSender: REALTIME_SENDER,
      applicationReceiver: REALTIME_RECEIVER,
      controlNumbers: { interchange: randomInt(1, 999_999_999), group: 1, transaction: 1 },
      referenceId: id.replace(/-/g, '').slice(0, 30),
      payer: { name: payer.name, id: payerId! },
      provider: {
        entity: 'organization',
        name: practice?.name ?? 'Claimline practice',
        npi: profile.organizationNpi!,
      },
      subscriber: self
        ? {
            lastName: client.lastName,
            firstName: client.firstName,
            memberId,
            ...(client.birthDate && { birthDate: client.birthDate }),
            ...(client.sex && { gender: client.sex }),
          }
        : {
            lastName: sub.lastName ?? client.lastName,
            ...(sub.firstName && { firstName: sub.firstName }),
            memberId,
            ...(sub.birthDate && { birthDate: sub.birthDate }),
            ...(sub.sex && { gender: sub.sex }),
          },
      ...(!self && {
        dependent: {
          lastName: client.lastName,
          firstName: client.firstName,
          birthDate: client.birthDate!,
          ...(client.sex && { gender: client.sex }),
        },
      }),
      traceNumber: id,
      originatorId: '9CLAIMLINE',
      date,
      serviceTypes: BEHAVIOURAL_HEALTH_SERVICE_TYPES.slice(0, 2),
    };
    const written = write270(inquiry);
    if (!written.x12)
      throw RpcError.validation(
        written.problems.map((p) => ({ field: p.field, rule: 'x12', message: p.message })),
        `The eligibility inquiry cannot be written: ${written.problems[0]?.message ?? 'unknown problem'}`,
      );

    const answer = read271(await this.clearinghouse.exchange(written.x12));
    if (!answer.ok)
      throw new RpcError({
        code: 'unavailable',
        message: `The clearinghouse's answer is not a 271 we can read: ${answer.error.message}`,
      });
    const response = answer.value[0];
    const member = answer.value
      .flatMap((r) => r.members)
      .filter((mb) => mb.traceNumbers.includes(id))
      .at(-1);
    if (!response || (!member && response.rejections.length === 0))
      throw new RpcError({
        code: 'unavailable',
        message: 'The 271 does not answer this inquiry (trace number not found)',
      });
    const summary = member ? summarizeCoverage(member, date) : undefined;
    const { outcome, details } = detailsOf(payer.name, date, summary, response.rejections);

    const row = m.create(EligibilityCheckEntity, {
      id,
      practiceId: cmd.practiceId,
      policyId: policy.id,
      clientId: policy.clientId,
      date,
      checkedAt: new Date(),
      outcome,
      checkedBy: principalId(actor),
      detailsCiphertext: this.cipher.encrypt(JSON.stringify(details), id),
    });
    await m.save(row);
    return this.view(row, details);
  }

  async last(_actor: Principal, practiceId: string, policyId: string): Promise<LastEligibilityResult> {
    const m = this.db.manager;
    await findInPractice(m, PolicyEntity, 'Insurance policy', practiceId, policyId, { removable: true });
    const row = await m.findOne(EligibilityCheckEntity, {
      where: { practiceId, policyId },
      order: { checkedAt: 'DESC', id: 'ASC' },
    });
    if (!row) return { check: null };
    const details = JSON.parse(this.cipher.decrypt(row.detailsCiphertext, row.id)) as EligibilityDetails;
    return { check: this.view(row, details) };
  }

  private view(row: EligibilityCheckEntity, details: EligibilityDetails): EligibilityCheckView {
    return {
      id: row.id,
      practiceId: row.practiceId,
      policyId: row.policyId,
      clientId: row.clientId,
      date: row.date,
      checkedAt: row.checkedAt.toISOString(),
      outcome: row.outcome,
      ...details,
    };
  }
}
