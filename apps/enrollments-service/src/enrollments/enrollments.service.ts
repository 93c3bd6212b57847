import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ENROLLMENT_TYPES } from '@claimline/domain';
import { Principal, canSeePractice } from '@claimline/contracts/common';
import {
  ActOnEnrollmentCommand,
  ClaimFilingCheck,
  ENROLLMENT_REQUESTER_ROLES,
  ENROLLMENT_STAFF_ROLES,
  EnrollCommand,
  EnrollmentHistoryEntry,
  EnrollmentPreview,
  EnrollmentStatus,
  EnrollmentType,
  EnrollmentView,
  EraCheck,
  IdentityCheckQuery,
  PreviewEnrollmentQuery,
} from '@claimline/contracts/enrollments';
import { RpcError } from '@claimline/backend/util-nats';
import {
  CLEARINGHOUSE_ENROLLMENT,
  ClearinghouseEnrollmentPort,
} from '../clearinghouse/clearinghouse-enrollment.port';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { PayerDirectory } from '../payers/payer-directory';
import { PayerRefEntity } from '../payers/entities/payer-ref.entity';
import { PracticePayerEntity } from '../payers/entities/practice-payer.entity';
import {
  buildEnrollmentRequest,
  BuiltRequest,
  taxIdDigits,
  taxIdDisplay,
  taxIdForViewer,
} from '../practice-settings/enrollment-request';
import { PracticeSettingsClient } from '../practice-settings/practice-settings.client';
import { DocumentsClient } from '../documents/documents.client';
import { deriveStatus } from './derive-status';
import { EnrollmentEngine, enrollmentsOf } from './enrollment-engine';
import { nextStatus, refusal } from './enrollment-state-machine';
import { canEnroll, derivedView, toView } from './enrollment.mapper';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { EnrollmentHistoryEntity } from './entities/enrollment-history.entity';

export const PHI_CIPHER = Symbol('PHI_CIPHER');

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly engine: EnrollmentEngine,
    private readonly payers: PayerDirectory,
    private readonly practiceSettings: PracticeSettingsClient,
    private readonly documents: DocumentsClient,
    @Inject(CLEARINGHOUSE_ENROLLMENT) private readonly clearinghouse: ClearinghouseEnrollmentPort,
    @Inject(PHI_CIPHER) private readonly cipher: PhiCipher,
  ) {}

  /** Every payer of the directory × both types; stored rows where there are, derived statuses elsewhere. */
  async list(actor: Principal, practiceId: string): Promise<{ items: EnrollmentView[] }> {
    const m = this.db.manager;
    const [payers, rows, set] = await Promise.all([
      this.payers.all(m),
      m.find(EnrollmentEntity, { where: { practiceId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      m.findOneBy(PracticePayerEntity, { practiceId }),
    ]);
    const withClients = new Set(set?.payerIds ?? []);
    const items: EnrollmentView[] = [];
    for (const payer of payers) {
      for (const type of ENROLLMENT_TYPES) {
        const own = rows.filter((r) => r.payerId === payer.payerId && r.type === type);
        if (own.length > 0) items.push(...own.map((r) => toView(r, payer.name)));
        else
          items.push(
            derivedView(
              practiceId,
              payer.payerId,
              payer.name,
              type,
              deriveStatus(payer, type, withClients.has(payer.payerId)),
            ),
          );
      }
    }
    return { items };
  }

  async get(actor: Principal, enrollmentId: string): Promise<EnrollmentView> {
    const row = await this.visible(this.db.manager, actor, enrollmentId);
    return toView(row, (await this.payers.find(this.db.manager, row.payerId))?.name ?? '');
  }

  async history(actor: Principal, enrollmentId: string): Promise<{ items: EnrollmentHistoryEntry[] }> {
    await this.visible(this.db.manager, actor, enrollmentId);
    const rows = await this.db.manager.find(EnrollmentHistoryEntity, {
      where: { enrollmentId },
      order: { id: 'ASC' },
    });
    return {
      items: rows.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        action: h.action,
        reason: h.reason,
        documentId: h.documentId,
        changedBy: h.changedBy,
        changedAt: h.changedAt.toISOString(),
      })),
    };
  }

  /** Exactly what +Enroll would send now, what is missing, and whether it may be sent. */
  async preview(actor: Principal, q: PreviewEnrollmentQuery): Promise<EnrollmentPreview> {
    assertRole(
      actor,
      ENROLLMENT_REQUESTER_ROLES,
      'Only administrators, billing staff and practice owners may prepare an enrollment',
    );
    const { payer, built, notes } = await this.build(actor, q);
    const m = this.db.manager;
    const rows = await enrollmentsOf(m, q.practiceId, q.payerId, q.type);
    const status =
      this.targetOf(rows, built)?.status ??
      deriveStatus(payer, q.type, await this.engine.hasClients(m, q.practiceId, q.payerId));
    return {
      practiceId: q.practiceId,
      ready: built.missing.length === 0 && canEnroll(status),
      status,
      missing: built.missing,
      notes,
      request: { ...built.request, taxId: taxIdForViewer(built.request.taxId, actor) },
    };
  }

  /** +Enroll: builds the request from practice settings, refuses with the list of what is missing, submits it. */
  async enroll(actor: Principal, cmd: EnrollCommand): Promise<EnrollmentView> {
    assertRole(
      actor,
      ENROLLMENT_REQUESTER_ROLES,
      'Only administrators, billing staff and practice owners may submit an enrollment',
    );
    const { payer, built } = await this.build(actor, cmd);
    if (built.missing.length > 0) {
      throw RpcError.validation(
        built.missing.map((f) => ({
          field: f.field,
          rule: 'required',
          message: `${f.label} is required to enroll; add it in practice settings`,
        })),
        `The enrollment cannot be sent: ${built.missing.map((f) => f.label).join(', ')} missing in practice settings`,
      );
    }
    const { taxId, billingNpi } = built.request;
    if (!taxId || !billingNpi)
      throw new Error('an enrollment request without missing fields has a Tax ID and a billing NPI');
    const identity = { billingNpi, taxIdIndex: this.cipher.blindIndex('tax-id', taxIdDigits(taxId.value)) };
    return this.db.transaction(async (m) => {
      const rows = await enrollmentsOf(m, cmd.practiceId, cmd.payerId, cmd.type, true);
      let target = this.targetOf(rows, identity);
      if (!target) {
        const derived = deriveStatus(
          payer,
          cmd.type,
          await this.engine.hasClients(m, cmd.practiceId, cmd.payerId),
        );
        if (derived !== 'enroll')
          throw RpcError.conflict(notEnrollable(derived, payer, cmd.type), { enrollmentStatus: derived });
        target = await this.newRow(m, cmd.practiceId, payer, cmd.type, identity);
      }
      const to = nextStatus(target.status, 'submit');
      if (!to)
        throw RpcError.conflict(notEnrollable(target.status, payer, cmd.type), {
          enrollmentStatus: target.status,
          enrollmentId: target.id,
        });
      const { reference } = await this.clearinghouse.submit(m, target.id, {
        ...built.request,
        taxId: { kind: taxId.kind, value: taxIdDisplay(taxId) },
      });
      await m.update(
        EnrollmentEntity,
        { id: target.id },
        {
          status: to,
          billingNpi: identity.billingNpi,
          taxIdIndex: identity.taxIdIndex,
          taxIdKind: taxId.kind,
          taxIdDisplay: taxIdDisplay(taxId),
          taxIdCiphertext:
            taxId.kind === 'ssn' ? this.cipher.encrypt(taxIdDigits(taxId.value), target.id) : null,
          request: { ...built.request, taxId: { kind: taxId.kind, value: taxIdDisplay(taxId) } },
          clearinghouseReference: reference,
          reason: null,
          instructions: null,
          documentId: null,
        },
      );
      const updated = await m.findOneByOrFail(EnrollmentEntity, { id: target.id });
      await this.engine.record(m, updated, payer.name, { from: target.status, to, move: 'submit', actor });
      return toView(updated, payer.name);
    });
  }

  /** Staff record the payer's answer; the practice answers a document request. */
  async act(actor: Principal, cmd: ActOnEnrollmentCommand): Promise<EnrollmentView> {
    if (cmd.action === 'attach_document') {
      assertRole(
        actor,
        ENROLLMENT_REQUESTER_ROLES,
        'Only administrators, billing staff and practice owners may attach a document',
      );
    } else {
      assertRole(
        actor,
        ENROLLMENT_STAFF_ROLES,
        'Only administrators and billing staff record the payer’s answer to an enrollment',
      );
    }
    return this.db.transaction(async (m) => {
      const row = await this.visible(m, actor, cmd.enrollmentId, true);
      if (row.version !== cmd.version) {
        throw RpcError.conflict(
          `This enrollment was changed by someone else (you acted on version ${cmd.version}, the current version is ${row.version}); reload and try again`,
          { currentVersion: row.version, enrollmentStatus: row.status },
        );
      }
      const to = nextStatus(row.status, cmd.action);
      if (!to) throw RpcError.conflict(refusal(row.status, cmd.action), { enrollmentStatus: row.status });
      const reason =
        cmd.action === 'reject'
          ? (cmd.reason ?? '').trim()
          : cmd.action === 'require_document'
            ? (cmd.instructions ?? '').trim()
            : null;
      const documentId = cmd.action === 'attach_document' ? (cmd.documentId ?? null) : null;
      if (documentId) await this.documents.assertAttachable(row.practiceId, row.id, documentId);
      if (documentId)
        await this.clearinghouse.sendDocument(m, row.id, row.clearinghouseReference, documentId);
      await m.update(
        EnrollmentEntity,
        { id: row.id },
        {
          status: to,
          reason: cmd.action === 'reject' ? reason : null,
          instructions: cmd.action === 'require_document' ? reason : null,
          // A move without a document keeps the one attached before.
          ...(documentId && { documentId }),
        },
      );
      const updated = await m.findOneByOrFail(EnrollmentEntity, { id: row.id });
      const payerName = (await this.payers.find(m, row.payerId))?.name ?? '';
      await this.engine.record(m, updated, payerName, {
        from: row.status,
        to,
        move: cmd.action,
        actor,
        reason,
        documentId,
      });
      return toView(updated, payerName);
    });
  }

  /** "May claims for payer X from identity Y be sent electronically?" */
  async claimFilingCheck(actor: Principal, q: IdentityCheckQuery): Promise<ClaimFilingCheck> {
    const { payer, row, status } = await this.check(actor, q, 'claim_filing');
    if (!payer.claimFilingEnrollmentRequired) {
      return {
        allowed: true,
        status: row?.status ?? 'not_required',
        enrollmentId: row?.id ?? null,
        reason: `${payer.name} does not require claim filing enrollment`,
      };
    }
    if (status === 'accepted')
      return {
        allowed: true,
        status,
        enrollmentId: row?.id ?? null,
        reason: `Claim filing enrollment with ${payer.name} is accepted`,
      };
    return {
      allowed: false,
      status,
      enrollmentId: row?.id ?? null,
      reason: `${payer.name} requires claim filing enrollment for this billing NPI and Tax ID and it is ${status}; print the claim (CMS-1500) and mail it meanwhile`,
    };
  }

  /** "Are ERAs (payment reports) expected from payer X for identity Y?" */
  async eraCheck(actor: Principal, q: IdentityCheckQuery): Promise<EraCheck> {
    const { payer, row, status } = await this.check(actor, q, 'payment_reports');
    if (!payer.eraSupported) {
      return {
        expected: false,
        status: 'not_supported',
        enrollmentId: null,
        reason: `${payer.name} does not send payment reports electronically; the practice shares EOBs as documents`,
      };
    }
    if (!payer.eraEnrollmentRequired) {
      return {
        expected: true,
        status: row?.status ?? 'not_required',
        enrollmentId: row?.id ?? null,
        reason: `${payer.name} sends payment reports without enrollment`,
      };
    }
    if (status === 'accepted')
      return {
        expected: true,
        status,
        enrollmentId: row?.id ?? null,
        reason: `Payment reports enrollment with ${payer.name} is accepted`,
      };
    return {
      expected: false,
      status,
      enrollmentId: row?.id ?? null,
      reason: `Payment reports enrollment with ${payer.name} for this billing NPI and Tax ID is ${status}`,
    };
  }

  private async check(actor: Principal, q: IdentityCheckQuery, type: EnrollmentType) {
    const m = this.db.manager;
    const payer = await this.payers.ensure(m, q.payerId);
    const taxIdIndex = this.cipher.blindIndex('tax-id', taxIdDigits(q.taxId));
    const rows = await enrollmentsOf(m, q.practiceId, q.payerId, type);
    const row =
      rows.find((r) => r.billingNpi === q.billingNpi && r.taxIdIndex === taxIdIndex) ??
      rows.find((r) => r.billingNpi === '') ??
      null;
    const status: EnrollmentStatus =
      row?.status ?? deriveStatus(payer, type, await this.engine.hasClients(m, q.practiceId, q.payerId));
    return { payer, row, status };
  }

  /**
   * The row +Enroll acts on: the one of this identity if there is one; else one nobody finished
   * (enroll, or rejected — a corrected resubmission keeps its history), unsubmitted first.
   */
  private targetOf(
    rows: EnrollmentEntity[],
    identity: { billingNpi: string; taxIdIndex: string } | BuiltRequest,
  ): EnrollmentEntity | undefined {
    if ('billingNpi' in identity) {
      const own = rows.find(
        (r) => r.billingNpi === identity.billingNpi && r.taxIdIndex === identity.taxIdIndex,
      );
      if (own) return own;
    }
    return (
      rows.find((r) => r.billingNpi === '' && canEnroll(r.status)) ??
      rows.find((r) => r.status === 'rejected')
    );
  }

  private async newRow(
    m: EntityManager,
    practiceId: string,
    payer: PayerRefEntity,
    type: EnrollmentType,
    identity: { billingNpi: string; taxIdIndex: string },
  ): Promise<EnrollmentEntity> {
    const id = randomUUID();
    await m.insert(EnrollmentEntity, {
      id,
      practiceId,
      payerId: payer.payerId,
      type,
      status: 'enroll',
      billingNpi: identity.billingNpi,
      taxIdIndex: identity.taxIdIndex,
    });
    const row = await m.findOneByOrFail(EnrollmentEntity, { id });
    await this.engine.record(m, row, payer.name, { from: null, to: 'enroll', move: 'derive', actor: null });
    return row;
  }

  private async build(
    actor: Principal,
    q: PreviewEnrollmentQuery,
  ): Promise<{ payer: PayerRefEntity; built: BuiltRequest; notes: string[] }> {
    const payer = await this.payers.ensure(this.db.manager, q.payerId);
    const facts = await this.practiceSettings.facts(q.practiceId);
    const built = buildEnrollmentRequest(
      facts,
      { payerId: payer.payerId, payerName: payer.name, clearinghousePayerId: payer.clearinghousePayerId },
      q.type,
    );
    return { payer, built, notes: facts.notes };
  }

  private async visible(
    m: EntityManager,
    actor: Principal,
    enrollmentId: string,
    lock = false,
  ): Promise<EnrollmentEntity> {
    const row = await m.findOne(EnrollmentEntity, {
      where: { id: enrollmentId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!row || !canSeePractice(actor, row.practiceId)) throw RpcError.notFound('Enrollment', enrollmentId);
    return row;
  }
}

function assertRole(actor: Principal, roles: readonly string[], message: string): void {
  if (actor.kind !== 'user' || !roles.includes(actor.role)) throw RpcError.forbidden(message);
}

function notEnrollable(status: EnrollmentStatus, payer: PayerRefEntity, type: EnrollmentType): string {
  const what = type === 'claim_filing' ? 'claim filing' : 'payment reports';
  switch (status) {
    case 'no_clients_on_file':
      return `No client of this practice has ${payer.name} on file yet: add it to a client’s insurance first, then enroll`;
    case 'not_required':
      return `${payer.name} does not require ${what} enrollment`;
    case 'not_supported':
      return `${payer.name} does not offer payment reports; share EOBs with the billing team as documents instead`;
    case 'submitted':
    case 'document_required':
      return `The ${what} enrollment with ${payer.name} is already ${status === 'submitted' ? 'submitted' : 'waiting for a document'}`;
    case 'accepted':
      return `The ${what} enrollment with ${payer.name} is already accepted for this billing NPI and Tax ID`;
    default:
      return refusal(status, 'submit');
  }
}
