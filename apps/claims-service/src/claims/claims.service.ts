import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { ArrayOverlap, DataSource, EntityManager, In, Not } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import { principalId } from '@claimline/contracts/common';
import {
  type AuthorizationView,
  MAX_AUTHORIZATION_USES,
  type PayerView,
} from '@claimline/contracts/client-insurance';
import {
  ClaimFileView,
  ClaimPage,
  Claims837Query,
  ClaimsEvents,
  ClaimsEventTypes as Events,
  ClaimView,
  Cms1500Query,
  CreateClaimsCommand,
  CreateClaimsResult,
  FileOutsideCommand,
  ListClaimsQuery,
  NotClaimedView,
  ScrubClaimCommand,
  VoidClaimCommand,
} from '@claimline/contracts/claims';
import {
  checkClaimMove,
  CLAIM_MOVE_WORDS,
  CLAIM_VOID_REASON_LABELS,
  type ClaimMove,
  type ClaimStatus,
} from '@claimline/domain';
import {
  type ClaimSnapshot,
  type ExistingClaim,
  groupAppointmentsIntoClaims,
  patientControlNumber,
  renderCms1500,
  type ScrubContext,
  scrubClaim,
  type ScrubFinding,
  writeClaims837,
} from '@claimline/claims';
import { MAP_837P, validate } from '@claimline/x12';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { assertVersion, findInPractice, rawSql, tableOf } from '@claimline/backend/util-persistence';
import { AppointmentEntity } from '../appointments/entities/appointment.entity';
import { AppointmentLineEntity } from '../appointments/entities/appointment-line.entity';
import { toClaimSummary, toClaimView, type ClaimPayload } from './claim.mapper';
import {
  billableAppointment,
  buildSnapshot,
  pickAuthorization,
  timelyFilingDays,
} from './claim-snapshot.builder';
import { ClaimSourcesClient, type ClientSources, eachLimited } from './claim-sources.client';
import { ClaimEntity } from './entities/claim.entity';
import { ClaimStatusHistoryEntity } from './entities/claim-status-history.entity';
import { DOWNLOAD_837P_CONFIG } from './submission-config';

const DEFAULT_PAGE = 50;
/**
 * Statuses a claim is scrubbed again in: it has not left for the payer (nor been voided), or the
 * clearinghouse sent it back (Rejected: fixed, scrubbed again, then submitted anew).
 */
const SCRUBBABLE: readonly ClaimStatus[] = ['prepared', 'downloaded', 'scrub', 'rejected'];

interface MadeClaim {
  entity: ClaimEntity;
  payload: ClaimPayload;
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Claims from appointments: making them (grouping, snapshot, authorization, scrubbing), reading,
 * re-scrubbing, voiding, and their CMS-1500 and 837P. Every status change goes through
 * `checkClaimMove` and is kept in `claim_status_history` with an event in the same transaction.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClaimsEvents>,
    private readonly sources: ClaimSourcesClient,
    private readonly cipher: PhiCipher,
  ) {}

  async createFromAppointments(actor: Principal, cmd: CreateClaimsCommand): Promise<CreateClaimsResult> {
    const { made, notClaimed } = await this.make(actor, cmd.practiceId, cmd.appointmentIds, {
      period: cmd.period ?? 'month',
      filedOutside: false,
    });
    return { claims: made.map((c) => toClaimSummary(c.entity)), notClaimed };
  }

  /** "Filed outside": a claim kept for the record, in status Downloaded, never submitted. */
  async fileOutside(actor: Principal, cmd: FileOutsideCommand): Promise<ClaimView> {
    const { made, notClaimed } = await this.make(actor, cmd.practiceId, [cmd.appointmentId], {
      period: 'appointment',
      filedOutside: true,
    });
    if (made.length === 0) {
      const why = notClaimed[0];
      if (why?.code === 'not_found') throw RpcError.notFound('Appointment', cmd.appointmentId);
      if (why?.code === 'already_claimed') throw RpcError.conflict(why.message, { claimId: why.claimId });
      throw RpcError.field('appointmentId', why?.code ?? 'not_claimable', why?.message ?? 'Not claimable');
    }
    return this.get(cmd.practiceId, made[0].entity.id);
  }

  async get(practiceId: string, claimId: string): Promise<ClaimView> {
    const claim = await findInPractice(this.db.manager, ClaimEntity, 'Claim', practiceId, claimId);
    const history = await this.db.manager.find(ClaimStatusHistoryEntity, {
      where: { claimId },
      order: { id: 'ASC' },
    });
    return toClaimView(claim, this.open(claim), history);
  }

  async list(q: ListClaimsQuery): Promise<ClaimPage> {
    const limit = q.limit ?? DEFAULT_PAGE;
    const offset = q.offset ?? 0;
    const filtered = (withStatus: boolean) => {
      const b = this.db.manager
        .createQueryBuilder(ClaimEntity, 'c')
        .where('c.practiceId = :practiceId', { practiceId: q.practiceId });
      if (withStatus && q.status) b.andWhere('c.status = :status', { status: q.status });
      if (q.clientId) b.andWhere('c.clientId = :clientId', { clientId: q.clientId });
      if (q.payerId) b.andWhere('c.payerId = :payerId', { payerId: q.payerId });
      // A claim is in the range when any of its dates of service is.
      if (q.from) b.andWhere('c.serviceTo >= :from', { from: q.from });
      if (q.to) b.andWhere('c.serviceFrom <= :to', { to: q.to });
      return b;
    };
    const [[rows, total], counts] = await Promise.all([
      filtered(true)
        .orderBy('c.createdAt', 'DESC')
        .addOrderBy('c.id', 'ASC')
        .take(limit)
        .skip(offset)
        .getManyAndCount(),
      filtered(false)
        .select('c.status', 'status')
        .addSelect('count(*)::int', 'count')
        .groupBy('c.status')
        .getRawMany<{ status: ClaimStatus; count: number }>(),
    ]);
    return {
      items: rows.map(toClaimSummary),
      total,
      limit,
      offset,
      statusCounts: Object.fromEntries(counts.map((c) => [c.status, c.count])),
    };
  }

  /**
   * Scrubs a claim again after its causes were fixed: the parties (client, policy, payer, practice,
   * clinician, location) are read again and copied over the snapshot, its lines, diagnoses and
   * control numbers kept. Scrub ↔ Prepared by the findings; a Downloaded claim whose snapshot
   * changed returns to Prepared (what was printed no longer matches).
   */
  async scrub(actor: Principal, cmd: ScrubClaimCommand): Promise<ClaimView> {
    const before = await findInPractice(this.db.manager, ClaimEntity, 'Claim', cmd.practiceId, cmd.claimId);
    assertVersion('The claim', before.version, cmd.version);
    if (before.filedOutside)
      throw RpcError.conflict('A claim filed outside Claimline is kept for the record and is not scrubbed');
    if (!SCRUBBABLE.includes(before.status))
      throw RpcError.conflict(
        `A claim in status ${before.status} has left for the payer (or was voided) and is not scrubbed again`,
        { status: before.status },
      );
    const old = this.open(before);
    const [clients, practice] = await Promise.all([
      this.sources.clientsOf(cmd.practiceId, [before.clientId]),
      this.sources.practice(
        cmd.practiceId,
        [before.renderingTeamMemberId],
        old.snapshot.sources.locationId ? [old.snapshot.sources.locationId] : [],
      ),
    ]);
    const client = clients.get(before.clientId);
    if (!client?.policy)
      throw RpcError.conflict('The client of this claim has no primary policy any more: void the claim');
    const payers = await this.sources.payers(cmd.practiceId, [client.policy.payer.id]);
    const payer = payers.get(client.policy.payer.id);
    const authorization =
      client.authorizations.find((a) => a.id === before.authorizationId) ??
      pickAuthorization(client.authorizations, before.serviceFrom);
    const snapshot = buildSnapshot({
      claimId: before.id,
      patientControlNumber: before.patientControlNumber,
      draft: {
        clientId: before.clientId,
        policyId: client.policy.id,
        renderingTeamMemberId: before.renderingTeamMemberId,
        ...(old.snapshot.sources.locationId ? { locationId: old.snapshot.sources.locationId } : {}),
        diagnoses: old.snapshot.diagnoses,
      },
      lines: old.snapshot.lines,
      client,
      practice,
      payer,
      authorization,
    });
    const others = await this.existingClaims(cmd.practiceId, [before.clientId], before.id);
    const filing = await this.filingStatuses(cmd.practiceId, [snapshot], [client.policy.payer.id]);
    // Visits this claim consumed are already counted in usesConsumed.
    const ownUses =
      authorization && authorization.id === before.authorizationId ? before.authorizationKeys.length : 0;
    let findings = scrubClaim(
      snapshot,
      this.context(
        snapshot,
        client,
        payer,
        others.get(before.clientId) ?? [],
        filing.get(client.policy.payer.id),
        authorization ? authorization.usesConsumed - ownUses : undefined,
      ),
    );
    let keys = before.authorizationKeys;
    let authorizationId = before.authorizationId;
    if (authorization && !authorizationId && !hasAuthorizationError(findings)) {
      const used = (
        await this.consume(cmd.practiceId, [
          { claimId: before.id, authorization, appointmentIds: before.appointmentIds },
        ])
      ).get(before.id) ?? { keys: [], findings: [] };
      keys = used.keys;
      authorizationId = keys.length ? authorization.id : null;
      findings = [...findings, ...used.findings];
    }
    const payload: ClaimPayload = { snapshot, findings };
    const errors = findings.filter((f) => f.severity === 'error').length;
    const changed = JSON.stringify(old.snapshot) !== JSON.stringify(snapshot);
    // A rejected claim stays Rejected while it has errors, and is Prepared again once clean.
    const move: ClaimMove | null =
      errors > 0
        ? before.status === 'scrub' || before.status === 'rejected'
          ? null
          : 'scrub_fail'
        : before.status === 'scrub'
          ? 'scrub_pass'
          : before.status === 'rejected' || (before.status === 'downloaded' && changed)
            ? 'edit'
            : null;
    await this.db.transaction(async (m) => {
      const claim = await findInPractice(m, ClaimEntity, 'Claim', cmd.practiceId, cmd.claimId, {
        lock: true,
      });
      assertVersion('The claim', claim.version, cmd.version);
      const from = claim.status;
      if (move) claim.status = this.moved(from, move);
      Object.assign(claim, {
        policyId: client.policy?.id ?? claim.policyId,
        authorizationId,
        authorizationKeys: keys,
        errorCount: errors,
        warningCount: findings.length - errors,
        payloadCiphertext: this.seal(claim.id, payload),
      });
      await m.save(claim);
      if (move) await this.recordMove(m, actor, claim, from, move, null, findings);
    });
    return this.get(cmd.practiceId, cmd.claimId);
  }

  /**
   * Ends a claim (with one of the void reasons): its appointments become unbilled again and, once
   * the change is committed, the authorization visits it used are given back (release is idempotent).
   */
  async void(actor: Principal, cmd: VoidClaimCommand): Promise<ClaimView> {
    const claim = await this.db.transaction(async (m) => {
      const claim = await findInPractice(m, ClaimEntity, 'Claim', cmd.practiceId, cmd.claimId, {
        lock: true,
      });
      assertVersion('The claim', claim.version, cmd.version);
      const check = checkClaimMove(claim.status, 'void', {
        voidReason: cmd.reason,
        ...(cmd.note ? { voidNote: cmd.note } : {}),
      });
      if (!check.ok) {
        if (check.code === 'claim_status.void_note') throw RpcError.field('note', 'required', check.message);
        if (check.code === 'claim_status.void_reason')
          throw RpcError.field('reason', 'void_reason', check.message);
        throw RpcError.conflict(check.message, { status: claim.status });
      }
      const from = claim.status;
      claim.status = check.to;
      const words = CLAIM_VOID_REASON_LABELS[cmd.reason];
      claim.voidReason = cmd.note ? `${words}: ${cmd.note}` : words;
      await m.save(claim);
      await m.update(AppointmentEntity, { practiceId: cmd.practiceId, claimId: claim.id }, { claimId: null });
      await this.recordMove(m, actor, claim, from, 'void', claim.voidReason, []);
      return claim;
    });
    if (claim.authorizationId) {
      const authorizationId = claim.authorizationId;
      await eachLimited(claim.authorizationKeys, async (key) => {
        await this.sources.release(cmd.practiceId, authorizationId, key);
      });
    }
    return this.get(cmd.practiceId, cmd.claimId);
  }

  async cms1500(q: Cms1500Query): Promise<ClaimFileView> {
    const claim = await findInPractice(this.db.manager, ClaimEntity, 'Claim', q.practiceId, q.claimId);
    const { snapshot } = this.open(claim);
    const pdf = await renderCms1500(snapshot, { variant: q.variant ?? 'full', signedOn: todayUtc() });
    return {
      fileName: `CMS-1500 ${claim.patientControlNumber}${q.variant === 'data' ? ' data only' : ''}.pdf`,
      contentType: 'application/pdf',
      contentBase64: Buffer.from(pdf).toString('base64'),
    };
  }

  /**
   * One 837P of the claims named (one billing provider: one batch), checked by the writer and then
   * by the validator. Claims in Scrub or Void are refused; so is a mix of billing providers.
   */
  async x12(q: Claims837Query): Promise<ClaimFileView> {
    const rows = await this.db.manager.findBy(ClaimEntity, { practiceId: q.practiceId, id: In(q.claimIds) });
    const missing = q.claimIds.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw RpcError.notFound('Claim', missing);
    const blocked = rows.filter((r) => r.status === 'scrub' || r.status === 'void');
    if (blocked.length)
      throw RpcError.field(
        'claimIds',
        'status',
        `Claims in Scrub or Void are not written to an 837P: ${blocked.map((r) => r.patientControlNumber).join(', ')}`,
      );
    if (new Set(rows.map((r) => r.billingProviderKey)).size > 1)
      throw RpcError.field(
        'claimIds',
        'billing_provider',
        'These claims have different billing providers: one 837P file holds the claims of one billing provider',
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const snapshots = q.claimIds.map((id) => this.open(byId.get(id) as ClaimEntity).snapshot);
    const now = new Date();
    const result = writeClaims837(snapshots, DOWNLOAD_837P_CONFIG, {
      batchId: snapshots[0].patientControlNumber,
      createdAt: now,
    });
    if (!result.x12)
      throw RpcError.field(
        'claimIds',
        'x12',
        `No claim could be written: ${[...result.batchProblems, ...result.rejected.flatMap((r) => r.problems)]
          .map((p) => p.message)
          .slice(0, 5)
          .join('; ')}`,
      );
    const report = validate(result.x12, MAP_837P);
    const invalid = report.findings.filter((f) => f.severity === 'error');
    if (invalid.length)
      throw new Error(`the 837P written failed validation: ${invalid.map((f) => f.code).join(', ')}`);
    const byPcn = new Map(rows.map((r) => [r.patientControlNumber, r]));
    return {
      fileName: `837P ${now.toISOString().slice(0, 10)} ${snapshots[0].patientControlNumber}.x12`,
      contentType: 'application/edi-x12',
      contentBase64: Buffer.from(result.x12, 'utf8').toString('base64'),
      refused: result.rejected.map((r) => ({
        claimId: byPcn.get(r.claimId)?.id ?? r.claimId,
        patientControlNumber: r.claimId,
        problems: r.problems.map((p) => p.message),
      })),
    };
  }

  // ——— making claims ———

  private async make(
    actor: Principal,
    practiceId: string,
    appointmentIds: readonly string[],
    options: { period: 'month' | 'day' | 'appointment'; filedOutside: boolean },
  ): Promise<{ made: MadeClaim[]; notClaimed: NotClaimedView[] }> {
    const m = this.db.manager;
    const appointments = await m.findBy(AppointmentEntity, { practiceId, id: In([...appointmentIds]) });
    const found = new Map(appointments.map((a) => [a.id, a]));
    const notClaimed: NotClaimedView[] = [];
    const billable: AppointmentEntity[] = [];
    for (const id of appointmentIds) {
      const a = found.get(id);
      if (!a)
        notClaimed.push({
          appointmentId: id,
          code: 'not_found',
          message: 'No appointment with this id in this practice',
        });
      else if (a.claimId)
        notClaimed.push({
          appointmentId: id,
          code: 'already_claimed',
          message: 'The appointment is already on a claim',
          claimId: a.claimId,
        });
      else if (a.attendance !== 'attended')
        notClaimed.push({
          appointmentId: id,
          code: 'not_attended',
          message: `The client did not attend (${a.attendance === 'no_show' ? 'no-show' : 'late cancel'}): there is no service to bill`,
        });
      else if (a.billingType !== 'insurance')
        notClaimed.push({
          appointmentId: id,
          code: 'self_pay',
          message: 'The appointment is self-pay: the client pays, not insurance',
        });
      else billable.push(a);
    }
    if (billable.length === 0) return { made: [], notClaimed };

    const clientIds = [...new Set(billable.map((a) => a.clientId))];
    const [clients, practice, lines] = await Promise.all([
      this.sources.clientsOf(practiceId, clientIds),
      this.sources.practice(
        practiceId,
        [...new Set(billable.map((a) => a.renderingTeamMemberId))],
        [...new Set(billable.flatMap((a) => (a.locationId ? [a.locationId] : [])))],
      ),
      m.findBy(AppointmentLineEntity, { appointmentId: In(billable.map((a) => a.id)) }),
    ]);
    const linesOf = groupBy(lines, (l) => l.appointmentId);
    const individual = practice.profile.billAs === 'individual';
    const groupable = billable.flatMap((a) => {
      const client = clients.get(a.clientId);
      if (!client) {
        notClaimed.push({
          appointmentId: a.id,
          code: 'client_not_found',
          message: 'The client is not a client of this practice',
        });
        return [];
      }
      if (!client.policy) {
        notClaimed.push({
          appointmentId: a.id,
          code: 'no_policy',
          message: `${client.client.firstName} ${client.client.lastName} has no primary insurance policy: add one or switch the appointment to self-pay`,
        });
        return [];
      }
      const key = individual ? `member:${a.renderingTeamMemberId}` : 'practice';
      return [billableAppointment(a, linesOf.get(a.id) ?? [], client.policy.id, key)];
    });
    const grouping = groupAppointmentsIntoClaims(groupable, { period: options.period });
    notClaimed.push(...grouping.unplaced);
    if (grouping.claims.length === 0) return { made: [], notClaimed };

    const policyPayer = (clientId: string) =>
      (clients.get(clientId) as ClientSources).policy?.payer.id as string;
    const payerIds = [...new Set(grouping.claims.map((d) => policyPayer(d.clientId)))];
    const [payers, sequences, existing, priorVoids] = await Promise.all([
      this.sources.payers(practiceId, payerIds),
      this.nextSequences(grouping.claims.length),
      this.existingClaims(practiceId, clientIds),
      this.voidedClaimCounts(
        practiceId,
        grouping.claims.flatMap((d) => d.appointmentIds),
      ),
    ]);

    const today = todayUtc();
    const drafts = grouping.claims.map((draft, i) => {
      const client = clients.get(draft.clientId) as ClientSources;
      const claimId = randomUUID();
      const pcn = patientControlNumber(sequences[i]);
      const serviceFrom = draft.lines[0].serviceDate;
      const authorization = pickAuthorization(client.authorizations, serviceFrom);
      const snapshot = buildSnapshot({
        claimId,
        patientControlNumber: pcn,
        draft,
        lines: draft,
        client,
        practice,
        payer: payers.get(policyPayer(draft.clientId)),
        authorization,
      });
      return { draft, client, claimId, sequence: sequences[i], snapshot, authorization };
    });
    const filing = await this.filingStatuses(
      practiceId,
      drafts.map((d) => d.snapshot),
      drafts.map((d) => policyPayer(d.draft.clientId)),
    );

    // Scrub in order, each claim seeing the ones made before it in this batch (duplicates, visits used).
    const visitsUsed = new Map<string, number>();
    const scrubbed = drafts.map((d) => {
      const own = existing.get(d.draft.clientId) ?? [];
      const payer = payers.get(policyPayer(d.draft.clientId));
      const auth = d.authorization;
      const used = auth ? (visitsUsed.get(auth.id) ?? auth.usesConsumed) : undefined;
      const findings = scrubClaim(d.snapshot, {
        ...this.context(d.snapshot, d.client, payer, own, filing.get(policyPayer(d.draft.clientId)), used),
        today,
      });
      own.push(existingOf(d.snapshot, options.filedOutside ? 'downloaded' : 'prepared'));
      existing.set(d.draft.clientId, own);
      if (auth) visitsUsed.set(auth.id, (used ?? 0) + d.draft.appointmentIds.length);
      return { ...d, findings };
    });

    // One visit per appointment, keyed so that a retried batch consumes once, and an appointment
    // billed again after a void (its earlier key released, which is final) gets a new key.
    const consumed = await this.consume(
      practiceId,
      scrubbed
        .filter((s) => s.authorization && !hasAuthorizationError(s.findings))
        .map((s) => ({
          claimId: s.claimId,
          authorization: s.authorization as AuthorizationView,
          appointmentIds: s.draft.appointmentIds,
        })),
      priorVoids,
    );

    const made: MadeClaim[] = scrubbed.map((s) => {
      const use = consumed.get(s.claimId);
      const findings = [...s.findings, ...(use?.findings ?? [])];
      const errors = findings.filter((f) => f.severity === 'error').length;
      const status: ClaimStatus = options.filedOutside ? 'downloaded' : errors > 0 ? 'scrub' : 'prepared';
      const snapshot = s.snapshot;
      const payload: ClaimPayload = { snapshot, findings };
      const entity = this.db.manager.create(ClaimEntity, {
        id: s.claimId,
        practiceId,
        sequence: String(s.sequence),
        patientControlNumber: snapshot.patientControlNumber,
        status,
        clientId: s.draft.clientId,
        policyId: s.draft.policyId,
        payerId: policyPayer(s.draft.clientId),
        payerName: snapshot.payer.name,
        renderingTeamMemberId: s.draft.renderingTeamMemberId,
        billingProviderKey: `${snapshot.billingProvider.npi}|${snapshot.billingProvider.taxId.kind}`,
        authorizationId: use?.keys.length ? (s.authorization as AuthorizationView).id : null,
        authorizationKeys: use?.keys ?? [],
        appointmentIds: [...s.draft.appointmentIds],
        serviceKeys: snapshot.lines.map((l) => `${l.serviceDate}|${l.procedure}`),
        serviceFrom: snapshot.lines[0].serviceDate,
        serviceTo: snapshot.lines[snapshot.lines.length - 1].serviceDate,
        totalCents: snapshot.lines.reduce((sum, l) => sum + l.chargeCents, 0),
        lineCount: snapshot.lines.length,
        frequencyCode: snapshot.frequencyCode,
        filedOutside: options.filedOutside,
        errorCount: errors,
        warningCount: findings.length - errors,
        payloadCiphertext: this.seal(s.claimId, payload),
        voidReason: null,
        version: 1,
      });
      return { entity, payload };
    });

    await this.db.transaction(async (tx) => {
      await insertClaims(tx, made);
      const pairs = made.flatMap((c) => c.entity.appointmentIds.map((a) => [a, c.entity.id] as const));
      // One statement links every appointment to its claim; an appointment claimed meanwhile by
      // another request (claim_id no longer null) is not touched, and then the whole batch is undone.
      const linked = await rawSql<{ id: string }>(
        tx,
        'set-based',
        `UPDATE "claims"."appointment" a
            SET "claim_id" = v.claim_id, "version" = a."version" + 1, "updated_at" = now()
           FROM unnest($1::uuid[], $2::uuid[]) AS v(id, claim_id)
          WHERE a."id" = v.id AND a."practice_id" = $3 AND a."claim_id" IS NULL
        RETURNING a."id"`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1]), practiceId],
      );
      if (linked.length !== pairs.length)
        throw RpcError.conflict('Some of these appointments were put on a claim meanwhile; ask again');
      await insertCreationHistory(tx, made, principalId(actor), options.filedOutside);
      await this.outbox.add(
        tx,
        actor,
        made.map((c) => ({
          type: Events.claimCreated,
          aggregateId: c.entity.id,
          practiceId,
          data: {
            id: c.entity.id,
            practiceId,
            clientId: c.entity.clientId,
            payerId: c.entity.payerId,
            renderingTeamMemberId: c.entity.renderingTeamMemberId,
            appointmentIds: c.entity.appointmentIds,
            status: c.entity.status,
            filedOutside: c.entity.filedOutside,
            totalCents: c.entity.totalCents,
            version: 1,
          },
        })),
      );
    });
    return { made, notClaimed };
  }

  private context(
    snapshot: ClaimSnapshot,
    client: ClientSources,
    payer: PayerView | undefined,
    existing: ExistingClaim[],
    claimFiling: ScrubContext['claimFilingEnrollment'] | undefined,
    visitsUsed: number | undefined,
  ): ScrubContext {
    const days = timelyFilingDays(payer);
    return {
      today: todayUtc(),
      ...(days === undefined ? {} : { timelyFilingDays: days }),
      existingClaims: existing.filter((e) => e.claimId !== snapshot.claimId),
      ...(claimFiling ? { claimFilingEnrollment: claimFiling } : {}),
      // A payer wants authorization for this client's services when the practice keeps one for the policy.
      authorizationRequired: client.authorizations.length > 0,
      ...(visitsUsed === undefined ? {} : { authorizationVisitsUsed: visitsUsed }),
      submission: 'electronic',
    };
  }

  /** The claim-filing enrollment status per payer (one check per payer × billing NPI × tax ID). */
  private async filingStatuses(
    practiceId: string,
    snapshots: readonly ClaimSnapshot[],
    payerIds: readonly string[],
  ): Promise<Map<string, ScrubContext['claimFilingEnrollment']>> {
    const asks = new Map<string, { payerId: string; npi: string; taxId: string }>();
    snapshots.forEach((s, i) => {
      const npi = s.billingProvider.npi;
      const taxId = s.billingProvider.taxId.value;
      asks.set(`${payerIds[i]}|${npi}|${taxId}`, { payerId: payerIds[i], npi, taxId });
    });
    const statuses = new Map<string, ScrubContext['claimFilingEnrollment']>();
    await eachLimited([...asks.values()], async (a) => {
      const check = await this.sources.claimFiling(practiceId, a.payerId, a.npi, a.taxId);
      if (check) statuses.set(a.payerId, check.status);
    });
    return statuses;
  }

  /**
   * Consumes one visit per appointment of each claim: one client-insurance `consume-batch` per
   * 1,000 keys (whatever the number of authorizations), claims in batch order, so the first claims
   * get the visits left. A refused visit becomes an error finding of its claim.
   */
  private async consume(
    practiceId: string,
    wanted: readonly {
      claimId: string;
      authorization: AuthorizationView;
      appointmentIds: readonly string[];
    }[],
    priorVoids?: Map<string, number>,
  ): Promise<Map<string, { keys: string[]; findings: ScrubFinding[] }>> {
    const out = new Map(
      wanted.map((w) => [w.claimId, { keys: [] as string[], findings: [] as ScrubFinding[] }]),
    );
    if (wanted.length === 0) return out;
    const counts =
      priorVoids ??
      (await this.voidedClaimCounts(
        practiceId,
        wanted.flatMap((w) => w.appointmentIds),
      ));
    const byAuthorization = new Map<
      string,
      { authorization: AuthorizationView; uses: { claimId: string; key: string }[] }
    >();
    for (const w of wanted) {
      const group = byAuthorization.get(w.authorization.id) ?? { authorization: w.authorization, uses: [] };
      for (const appointmentId of w.appointmentIds)
        group.uses.push({
          claimId: w.claimId,
          key: `appointment:${appointmentId}:${counts.get(appointmentId) ?? 0}`,
        });
      byAuthorization.set(w.authorization.id, group);
    }
    // Calls of at most MAX_AUTHORIZATION_USES keys in all, each authorization at most once per call
    // (one with more keys continues in the next), sent one after the other in batch order.
    type Part = { authorization: AuthorizationView; uses: { claimId: string; key: string }[] };
    const calls: Part[][] = [];
    let call: Part[] = [];
    let size = 0;
    for (const { authorization, uses } of byAuthorization.values())
      for (let i = 0; i < uses.length; i += MAX_AUTHORIZATION_USES) {
        const chunk = uses.slice(i, i + MAX_AUTHORIZATION_USES);
        if (
          size + chunk.length > MAX_AUTHORIZATION_USES ||
          call.some((p) => p.authorization.id === authorization.id)
        ) {
          calls.push(call);
          call = [];
          size = 0;
        }
        call.push({ authorization, uses: chunk });
        size += chunk.length;
      }
    if (call.length) calls.push(call);
    for (const parts of calls) {
      const answer = await this.sources.consumeBatch(
        practiceId,
        parts.map((p) => ({ authorizationId: p.authorization.id, keys: p.uses.map((u) => u.key) })),
      );
      answer.items.forEach(({ results }, k) => {
        const { authorization, uses } = parts[k];
        results.forEach((r, j) => {
          const claim = out.get(uses[j].claimId) as { keys: string[]; findings: ScrubFinding[] };
          if (r.outcome !== 'refused') claim.keys.push(uses[j].key);
          else
            claim.findings.push({
              code: 'authorization.consume',
              severity: 'error',
              message: `Authorization ${authorization.number} could not be used for this visit: ${r.reason ?? 'refused'}`,
              fix: { target: 'authorization', id: authorization.id, field: 'usesAuthorized' },
            });
        });
      });
    }
    return out;
  }

  /** How many voided claims each appointment was on: part of its authorization key. */
  private async voidedClaimCounts(
    practiceId: string,
    appointmentIds: readonly string[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (appointmentIds.length === 0) return counts;
    const voided = await this.db.manager.find(ClaimEntity, {
      select: { id: true, appointmentIds: true },
      where: { practiceId, status: 'void', appointmentIds: ArrayOverlap([...appointmentIds]) },
    });
    for (const c of voided) for (const a of c.appointmentIds) counts.set(a, (counts.get(a) ?? 0) + 1);
    return counts;
  }

  /** The clients' claims that are not void, as scrubbing's duplicate check reads them. */
  private async existingClaims(
    practiceId: string,
    clientIds: readonly string[],
    exceptId?: string,
  ): Promise<Map<string, ExistingClaim[]>> {
    const rows = await this.db.manager.find(ClaimEntity, {
      select: { id: true, clientId: true, patientControlNumber: true, status: true, serviceKeys: true },
      where: {
        practiceId,
        clientId: In([...clientIds]),
        status: Not('void'),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      },
    });
    const byClient = new Map<string, ExistingClaim[]>();
    for (const r of rows) {
      const list = byClient.get(r.clientId) ?? [];
      list.push({
        claimId: r.id,
        patientControlNumber: r.patientControlNumber,
        status: r.status,
        lines: r.serviceKeys.map((k) => {
          const [serviceDate, procedure] = k.split('|');
          return { serviceDate, procedure };
        }),
      });
      byClient.set(r.clientId, list);
    }
    return byClient;
  }

  private async nextSequences(n: number): Promise<number[]> {
    // A sequence has no entity: n values in one round trip.
    const rows = await rawSql<{ value: string }>(
      this.db,
      'set-based',
      `SELECT nextval('"claims"."claim_pcn_seq"')::text AS value FROM generate_series(1, $1)`,
      [n],
    );
    return rows.map((r) => Number(r.value));
  }

  private moved(from: ClaimStatus, move: ClaimMove): ClaimStatus {
    const check = checkClaimMove(from, move);
    if (!check.ok) throw RpcError.conflict(check.message, { status: from });
    return check.to;
  }

  private async recordMove(
    m: EntityManager,
    actor: Principal,
    claim: ClaimEntity,
    from: ClaimStatus,
    move: ClaimMove,
    reason: string | null,
    findings: readonly ScrubFinding[],
  ): Promise<void> {
    await m.insert(ClaimStatusHistoryEntity, {
      claimId: claim.id,
      fromStatus: from,
      toStatus: claim.status,
      move,
      reason: reason ?? CLAIM_MOVE_WORDS[move],
      findingCodes: findings.map((f) => f.code),
      actorId: principalId(actor),
    });
    await this.outbox.add(m, actor, {
      type: Events.claimStatusChanged,
      aggregateId: claim.id,
      practiceId: claim.practiceId,
      data: {
        id: claim.id,
        practiceId: claim.practiceId,
        clientId: claim.clientId,
        from,
        to: claim.status,
        move,
        version: claim.version,
      },
    });
  }

  private seal(claimId: string, payload: ClaimPayload): string {
    return this.cipher.encrypt(JSON.stringify(payload), `claim:${claimId}`);
  }

  private open(claim: ClaimEntity): ClaimPayload {
    return JSON.parse(this.cipher.decrypt(claim.payloadCiphertext, `claim:${claim.id}`)) as ClaimPayload;
  }
}

function hasAuthorizationError(findings: readonly ScrubFinding[]): boolean {
  return findings.some((f) => f.severity === 'error' && f.code.startsWith('authorization.'));
}

function existingOf(s: ClaimSnapshot, status: ClaimStatus): ExistingClaim {
  return {
    claimId: s.claimId,
    patientControlNumber: s.patientControlNumber,
    status,
    lines: s.lines.map((l) => ({ serviceDate: l.serviceDate, procedure: l.procedure })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/*
 * A batch's claims and their first history rows, one statement per table whatever the batch size:
 * the rows travel as one JSON array read by `jsonb_to_recordset`. Set-based SQL (ADR 0018) because
 * TypeORM's insert of a thousand wide rows (value building, RETURNING merged back into each entity)
 * cost more than everything else in making them; the columns are those of the entities.
 */
async function insertClaims(tx: EntityManager, made: readonly MadeClaim[]): Promise<void> {
  // One time for the batch, kept on the entities too (their summaries are the answer).
  const at = new Date();
  for (const { entity } of made) Object.assign(entity, { createdAt: at, updatedAt: at });
  const rows = made.map(({ entity: c }) => ({
    id: c.id,
    practice_id: c.practiceId,
    sequence: c.sequence,
    patient_control_number: c.patientControlNumber,
    status: c.status,
    client_id: c.clientId,
    policy_id: c.policyId,
    payer_id: c.payerId,
    payer_name: c.payerName,
    rendering_team_member_id: c.renderingTeamMemberId,
    billing_provider_key: c.billingProviderKey,
    authorization_id: c.authorizationId,
    authorization_keys: c.authorizationKeys,
    appointment_ids: c.appointmentIds,
    service_keys: c.serviceKeys,
    service_from: c.serviceFrom,
    service_to: c.serviceTo,
    total_cents: c.totalCents,
    line_count: c.lineCount,
    frequency_code: c.frequencyCode,
    filed_outside: c.filedOutside,
    error_count: c.errorCount,
    warning_count: c.warningCount,
    payload_ciphertext: c.payloadCiphertext,
    version: c.version,
  }));
  await rawSql(
    tx,
    'set-based',
    `INSERT INTO ${tableOf(tx, ClaimEntity)} (
       "id", "practice_id", "sequence", "patient_control_number", "status", "client_id", "policy_id",
       "payer_id", "payer_name", "rendering_team_member_id", "billing_provider_key", "authorization_id",
       "authorization_keys", "appointment_ids", "service_keys", "service_from", "service_to", "total_cents",
       "line_count", "frequency_code", "filed_outside", "error_count", "warning_count", "payload_ciphertext",
       "void_reason", "version", "created_at", "updated_at")
     SELECT r.id, r.practice_id, r.sequence, r.patient_control_number, r.status, r.client_id, r.policy_id,
       r.payer_id, r.payer_name, r.rendering_team_member_id, r.billing_provider_key, r.authorization_id,
       r.authorization_keys, r.appointment_ids, r.service_keys, r.service_from, r.service_to, r.total_cents,
       r.line_count, r.frequency_code, r.filed_outside, r.error_count, r.warning_count, r.payload_ciphertext,
       NULL, r.version, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(
         id uuid, practice_id uuid, sequence bigint, patient_control_number text, status text, client_id uuid,
         policy_id uuid, payer_id uuid, payer_name text, rendering_team_member_id uuid,
         billing_provider_key text, authorization_id uuid, authorization_keys text[], appointment_ids uuid[],
         service_keys text[], service_from date, service_to date, total_cents integer, line_count integer,
         frequency_code char(1), filed_outside boolean, error_count integer, warning_count integer,
         payload_ciphertext text, version integer)`,
    [JSON.stringify(rows), at],
  );
}

async function insertCreationHistory(
  tx: EntityManager,
  made: readonly MadeClaim[],
  actorId: string,
  filedOutside: boolean,
): Promise<void> {
  const rows = made.map((c) => ({
    claim_id: c.entity.id,
    to_status: c.entity.status,
    finding_codes: c.payload.findings.map((f) => f.code),
  }));
  await rawSql(
    tx,
    'set-based',
    `INSERT INTO ${tableOf(tx, ClaimStatusHistoryEntity)}
       ("claim_id", "from_status", "to_status", "move", "reason", "finding_codes", "actor_id")
     SELECT r.claim_id, NULL, r.to_status, $2, $3, r.finding_codes, $4
       FROM jsonb_to_recordset($1::jsonb) AS r(claim_id uuid, to_status text, finding_codes text[])`,
    [
      JSON.stringify(rows),
      filedOutside ? 'file_outside' : 'create',
      filedOutside ? CLAIM_VOID_REASON_LABELS.filed_outside : null,
      actorId,
    ],
  );
}
