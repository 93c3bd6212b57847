import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  Between,
  DataSource,
  EntityManager,
  FindOptionsWhere,
  In,
  LessThanOrEqual,
  MoreThanOrEqual,
} from 'typeorm';
import { type FieldError, type Page, type Principal, principalId } from '@claimline/contracts/common';
import {
  AppointmentView,
  BillingTypeChangeView,
  ClaimsEvents,
  ClaimsEventTypes as Events,
  CreateAppointmentCommand,
  ListAppointmentsQuery,
  ServiceLineInput,
  SetBillingTypeCommand,
  UpdateAppointmentCommand,
} from '@claimline/contracts/claims';
import { normalizeDiagnosisCode } from '@claimline/reference-data';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { assertVersion, changedFields, findInPractice } from '@claimline/backend/util-persistence';
import { FeeScheduleService } from '../fee-schedule/fee-schedule.service';
import { PracticeDirectoryClient } from '../practice-directory/practice-directory.client';
import { appointmentProblems } from './appointment-rules';
import { toAppointmentEvent, toAppointmentView } from './appointment.mapper';
import { AppointmentEntity } from './entities/appointment.entity';
import { AppointmentLineEntity } from './entities/appointment-line.entity';
import { BillingTypeChangeEntity } from './entities/billing-type-change.entity';

const DEFAULT_PAGE = 50;

export type LineRow = Omit<AppointmentLineEntity, 'appointmentId' | 'position'>;

/** The outcome of `check`: the clinician's NPI and the priced lines to save, or every problem. */
export type CheckedAppointment =
  { ok: true; npi: string; lines: LineRow[] } | { ok: false; problems: FieldError[]; lines: LineRow[] };

@Injectable()
export class AppointmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClaimsEvents>,
    private readonly fees: FeeScheduleService,
    private readonly directory: PracticeDirectoryClient,
  ) {}

  async create(actor: Principal, cmd: CreateAppointmentCommand): Promise<AppointmentView> {
    const checked = await this.check(cmd);
    if (!checked.ok) throw RpcError.validation(checked.problems);
    return this.db.transaction((m) => this.insert(m, actor, cmd, checked));
  }

  /**
   * Every rule a new appointment must pass, without saving it: what `create` checks, and what the
   * CSV import checks on each row (with its own `directory`, which remembers the answers for a file).
   */
  async check(
    cmd: CreateAppointmentCommand,
    directory: Pick<PracticeDirectoryClient, 'clientProblem' | 'clinician'> = this.directory,
  ): Promise<CheckedAppointment> {
    const locationId = cmd.locationId ?? null;
    const problems = appointmentProblems({ ...cmd, locationId });
    const [clientProblem, clinician, priced] = await Promise.all([
      directory.clientProblem(cmd.practiceId, cmd.clientId),
      directory.clinician(cmd.practiceId, cmd.renderingTeamMemberId),
      this.price(cmd.practiceId, cmd.lines),
    ]);
    const all = [
      ...problems,
      ...(clientProblem ? [clientProblem] : []),
      ...(clinician.problem ? [clinician.problem] : []),
      ...priced.problems,
    ];
    if (all.length > 0 || clinician.npi === null) return { ok: false, problems: all, lines: priced.lines };
    return { ok: true, npi: clinician.npi, lines: priced.lines };
  }

  /** Saves an appointment `check` passed, with its event, in the caller's transaction. */
  async insert(
    m: EntityManager,
    actor: Principal,
    cmd: CreateAppointmentCommand,
    checked: CheckedAppointment & { ok: true },
    id: string = randomUUID(),
  ): Promise<AppointmentView> {
    const appointment = m.create(AppointmentEntity, {
      id,
      practiceId: cmd.practiceId,
      clientId: cmd.clientId,
      renderingTeamMemberId: cmd.renderingTeamMemberId,
      renderingNpi: checked.npi,
      serviceDate: cmd.serviceDate,
      startTime: cmd.startTime,
      minutes: cmd.minutes,
      locationId: cmd.locationId ?? null,
      placeOfService: cmd.placeOfService,
      diagnoses: cmd.diagnoses.map(undotted),
      attendance: cmd.attendance,
      billingType: cmd.billingType,
    });
    await m.save(appointment);
    const lines = await this.writeLines(m, appointment.id, checked.lines);
    const view = toAppointmentView(appointment, lines);
    const { practiceId: _p, ...given } = cmd;
    await this.outbox.add(m, actor, {
      type: Events.appointmentCreated,
      aggregateId: view.id,
      practiceId: view.practiceId,
      data: toAppointmentEvent(view, Object.keys(given)),
    });
    return view;
  }

  async get(practiceId: string, appointmentId: string): Promise<AppointmentView> {
    const m = this.db.manager;
    const appointment = await findInPractice(m, AppointmentEntity, 'Appointment', practiceId, appointmentId);
    return toAppointmentView(appointment, await m.findBy(AppointmentLineEntity, { appointmentId }));
  }

  async list(q: ListAppointmentsQuery): Promise<Page<AppointmentView>> {
    const limit = q.limit ?? DEFAULT_PAGE;
    const offset = q.offset ?? 0;
    const where: FindOptionsWhere<AppointmentEntity> = { practiceId: q.practiceId };
    if (q.clientId) where.clientId = q.clientId;
    if (q.renderingTeamMemberId) where.renderingTeamMemberId = q.renderingTeamMemberId;
    if (q.from && q.to) where.serviceDate = Between(q.from, q.to);
    else if (q.from) where.serviceDate = MoreThanOrEqual(q.from);
    else if (q.to) where.serviceDate = LessThanOrEqual(q.to);
    const [rows, total] = await this.db.manager.findAndCount(AppointmentEntity, {
      where,
      order: { serviceDate: 'DESC', startTime: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const lines = rows.length
      ? await this.db.manager.findBy(AppointmentLineEntity, { appointmentId: In(rows.map((r) => r.id)) })
      : [];
    return {
      items: rows.map((r) =>
        toAppointmentView(
          r,
          lines.filter((l) => l.appointmentId === r.id),
        ),
      ),
      total,
      limit,
      offset,
    };
  }

  /**
   * Changes what the PATCH names. The client and clinician are asked again only when they change
   * (an appointment of a client who has since left can still have its attendance recorded); lines
   * given replace the lines, each priced again unless its fee is given; every rule runs on the
   * appointment as it would be saved.
   */
  async update(actor: Principal, cmd: UpdateAppointmentCommand): Promise<AppointmentView> {
    const before = await this.get(cmd.practiceId, cmd.appointmentId);
    assertVersion('The appointment', before.version, cmd.version);
    const { practiceId, appointmentId, version: _v, ...changes } = cmd;
    const merged = {
      serviceDate: changes.serviceDate ?? before.serviceDate,
      placeOfService: changes.placeOfService ?? before.placeOfService,
      locationId: changes.locationId !== undefined ? changes.locationId : before.locationId,
      diagnoses: changes.diagnoses ?? before.diagnoses,
      lines: changes.lines ?? before.lines,
    };
    const problems = appointmentProblems(merged);
    const clientChanged = changes.clientId !== undefined && changes.clientId !== before.clientId;
    const clinicianChanged =
      changes.renderingTeamMemberId !== undefined &&
      changes.renderingTeamMemberId !== before.renderingTeamMemberId;
    const [clientProblem, clinician, priced] = await Promise.all([
      clientChanged ? this.directory.clientProblem(practiceId, changes.clientId as string) : null,
      clinicianChanged ? this.directory.clinician(practiceId, changes.renderingTeamMemberId as string) : null,
      changes.lines ? this.price(practiceId, changes.lines) : null,
    ]);
    const all = [
      ...problems,
      ...(clientProblem ? [clientProblem] : []),
      ...(clinician?.problem ? [clinician.problem] : []),
      ...(priced?.problems ?? []),
    ];
    if (all.length > 0) throw RpcError.validation(all);
    return this.db.transaction(async (m) => {
      const appointment = await findInPractice(
        m,
        AppointmentEntity,
        'Appointment',
        practiceId,
        appointmentId,
        {
          lock: true,
        },
      );
      // Checked again under the lock: someone may have saved between the read above and now.
      assertVersion('The appointment', appointment.version, cmd.version);
      if (
        changes.billingType !== undefined &&
        changes.billingType !== appointment.billingType &&
        appointment.claimId !== null
      )
        throw onClaim(appointment.claimId);
      const proposed: Record<string, unknown> = { ...changes };
      if (changes.diagnoses) proposed['diagnoses'] = changes.diagnoses.map(dotted);
      if (priced) proposed['lines'] = priced.lines;
      const changed = changedFields(before as unknown as Record<string, unknown>, proposed);
      if (changed.length === 0) return before;
      if (changes.clientId !== undefined) appointment.clientId = changes.clientId;
      if (changes.renderingTeamMemberId !== undefined && clinician?.npi) {
        appointment.renderingTeamMemberId = changes.renderingTeamMemberId;
        appointment.renderingNpi = clinician.npi;
      }
      if (changes.serviceDate !== undefined) appointment.serviceDate = changes.serviceDate;
      if (changes.startTime !== undefined) appointment.startTime = changes.startTime;
      if (changes.minutes !== undefined) appointment.minutes = changes.minutes;
      appointment.locationId = merged.locationId;
      if (changes.placeOfService !== undefined) appointment.placeOfService = changes.placeOfService;
      if (changes.diagnoses !== undefined) appointment.diagnoses = changes.diagnoses.map(undotted);
      if (changes.attendance !== undefined) appointment.attendance = changes.attendance;
      if (changes.billingType !== undefined) appointment.billingType = changes.billingType;
      await m.save(appointment);
      if (appointment.version === cmd.version) {
        // save() moves version and updated_at only when a column of the row changed; a change of
        // the lines alone must move them too, as the version covers the whole appointment.
        await m.update(AppointmentEntity, { id: appointmentId }, { id: appointmentId });
        Object.assign(appointment, await m.findOneByOrFail(AppointmentEntity, { id: appointmentId }));
      }
      const lines = priced
        ? await this.writeLines(m, appointment.id, priced.lines, true)
        : await m.findBy(AppointmentLineEntity, { appointmentId });
      const view = toAppointmentView(appointment, lines);
      await this.outbox.add(m, actor, {
        type: Events.appointmentUpdated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: toAppointmentEvent(view, changed),
      });
      return view;
    });
  }

  /**
   * The self-pay switch and its reverse: the appointment leaves (or returns to) the unbilled list;
   * self-pay makes its fee the client's to pay. Kept with who, when and why; refused (409) once
   * the appointment is on a claim (void the claim first), and when the version is stale.
   */
  async setBillingType(actor: Principal, cmd: SetBillingTypeCommand): Promise<AppointmentView> {
    return this.db.transaction(async (m) => {
      const appointment = await findInPractice(
        m,
        AppointmentEntity,
        'Appointment',
        cmd.practiceId,
        cmd.appointmentId,
        { lock: true },
      );
      assertVersion('The appointment', appointment.version, cmd.version);
      if (appointment.claimId !== null) throw onClaim(appointment.claimId);
      if (appointment.billingType === cmd.billingType)
        throw RpcError.field(
          'billingType',
          'unchanged',
          cmd.billingType === 'self_pay'
            ? 'The appointment is already self-pay'
            : 'The appointment is already billed to insurance',
        );
      const from = appointment.billingType;
      appointment.billingType = cmd.billingType;
      await m.save(appointment);
      await m.insert(BillingTypeChangeEntity, {
        id: randomUUID(),
        appointmentId: appointment.id,
        practiceId: appointment.practiceId,
        from,
        to: cmd.billingType,
        reason: cmd.reason.trim(),
        changedBy: principalId(actor),
      });
      const view = toAppointmentView(
        appointment,
        await m.findBy(AppointmentLineEntity, { appointmentId: appointment.id }),
      );
      // The reason stays in this service (it may describe the client): the event says what changed.
      await this.outbox.add(m, actor, {
        type: Events.appointmentUpdated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: toAppointmentEvent(view, ['billingType']),
      });
      return view;
    });
  }

  /** Every switch of the appointment's billing type, newest first. */
  async billingTypeChanges(
    practiceId: string,
    appointmentId: string,
  ): Promise<{ items: BillingTypeChangeView[] }> {
    await findInPractice(this.db.manager, AppointmentEntity, 'Appointment', practiceId, appointmentId);
    const rows = await this.db.manager.find(BillingTypeChangeEntity, {
      where: { appointmentId, practiceId },
      order: { changedAt: 'DESC', id: 'ASC' },
    });
    return {
      items: rows.map((r) => ({
        appointmentId: r.appointmentId,
        from: r.from,
        to: r.to,
        reason: r.reason,
        changedBy: r.changedBy,
        changedAt: r.changedAt.toISOString(),
      })),
    };
  }

  /** Each line's fee: the one given, else the practice's fee schedule's; a line with neither is refused. */
  private async price(
    practiceId: string,
    lines: readonly ServiceLineInput[],
  ): Promise<{ lines: LineRow[]; problems: FieldError[] }> {
    const priced = await Promise.all(
      lines.map(async (line, i): Promise<{ line: LineRow; problem: FieldError | null }> => {
        const modifiers = (line.modifiers ?? []).map((x) => x.toUpperCase());
        const base = {
          procedure: line.procedure,
          modifiers,
          units: line.units,
          diagnosisPointers: line.diagnosisPointers,
        };
        if (line.feeCents !== undefined)
          return { line: { ...base, feeCents: line.feeCents, feeSource: 'override' }, problem: null };
        const fee = await this.fees.feeFor(practiceId, line.procedure, modifiers);
        const problem: FieldError | null =
          fee === null
            ? {
                field: `lines.${i}.feeCents`,
                rule: 'fee',
                message: `The fee schedule has no fee for ${[line.procedure, ...modifiers].join(' ')}: add one or give feeCents`,
              }
            : null;
        return { line: { ...base, feeCents: fee ?? 0, feeSource: 'schedule' }, problem };
      }),
    );
    return {
      lines: priced.map((p) => p.line),
      problems: priced.flatMap((p) => (p.problem ? [p.problem] : [])),
    };
  }

  private async writeLines(
    m: EntityManager,
    appointmentId: string,
    lines: LineRow[],
    replace = false,
  ): Promise<AppointmentLineEntity[]> {
    if (replace) await m.delete(AppointmentLineEntity, { appointmentId });
    const rows = lines.map((l, position) =>
      m.create(AppointmentLineEntity, { ...l, appointmentId, position }),
    );
    await m.insert(AppointmentLineEntity, rows);
    return rows;
  }
}

function onClaim(claimId: string): RpcError {
  return RpcError.conflict(
    'The appointment is on a claim: its billing type cannot change until that claim is voided',
    { claimId },
  );
}

function undotted(code: string): string {
  return normalizeDiagnosisCode(code) ?? code;
}

function dotted(code: string): string {
  const c = undotted(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}
