import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { FieldError, Principal } from '@claimline/contracts/common';
import {
  AppointmentImportCommitRow,
  AppointmentImportPreview,
  AppointmentImportProblem,
  AppointmentImportResult,
  AppointmentImportRowView,
  CommitAppointmentImportCommand,
  CreateAppointmentCommand,
  PreviewAppointmentImportCommand,
} from '@claimline/contracts/claims';
import { RpcError, rpcValidationPipe } from '@claimline/backend/util-nats';
import { AppointmentsService, type CheckedAppointment } from '../appointments/appointments.service';
import { PracticeDirectoryClient } from '../practice-directory/practice-directory.client';
import { CsvFileError, readAppointmentsCsv, toRowProblems, type CsvAppointmentRow } from './appointment-csv';
import { AppointmentImportRowEntity } from './entities/appointment-import-row.entity';

interface CheckedRow {
  row: CsvAppointmentRow;
  cmd: CreateAppointmentCommand;
  checked: CheckedAppointment | null;
  problems: AppointmentImportProblem[];
}

/**
 * The appointments CSV import. Each row is checked exactly as `appointment.create` checks a body
 * (the same validation pipe, then `AppointmentsService.check`); the preview saves nothing, the
 * commit saves the valid rows, each in its own transaction with its idempotency key (file SHA-256
 * + row), so a re-upload of the same file, or a retried chunk, creates nothing twice.
 */
@Injectable()
export class AppointmentImportService {
  private readonly validation = rpcValidationPipe();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly appointments: AppointmentsService,
    private readonly directory: PracticeDirectoryClient,
  ) {}

  async preview(cmd: PreviewAppointmentImportCommand): Promise<AppointmentImportPreview> {
    const { sha, rows } = this.read(cmd.file);
    const done = await this.importedRows(cmd.practiceId, sha);
    const checked = await this.checkRows(
      cmd.practiceId,
      rows.filter((r) => !done.has(r.row)),
    );
    const byRow = new Map(checked.map((c) => [c.row.row, c]));
    const views: AppointmentImportRowView[] = rows.map((r) => {
      const appointmentId = done.get(r.row);
      if (appointmentId)
        return { row: r.row, status: 'imported', values: r.values, problems: [], appointmentId };
      const c = byRow.get(r.row) as CheckedRow;
      return {
        row: r.row,
        status: c.problems.length ? 'invalid' : 'valid',
        values: { ...r.values, feeCents: c.checked?.lines[0]?.feeCents ?? r.values.feeCents },
        problems: c.problems,
        appointmentId: null,
      };
    });
    return {
      fileSha256: sha,
      counts: {
        rows: views.length,
        valid: views.filter((v) => v.status === 'valid').length,
        invalid: views.filter((v) => v.status === 'invalid').length,
        imported: views.filter((v) => v.status === 'imported').length,
      },
      rows: views,
    };
  }

  async commit(actor: Principal, cmd: CommitAppointmentImportCommand): Promise<AppointmentImportResult> {
    const { sha, rows } = this.read(cmd.file);
    const inRange = rows.filter(
      (r) =>
        (cmd.fromRow === undefined || r.row >= cmd.fromRow) &&
        (cmd.toRow === undefined || r.row <= cmd.toRow),
    );
    const done = await this.importedRows(cmd.practiceId, sha);
    const checked = await this.checkRows(
      cmd.practiceId,
      inRange.filter((r) => !done.has(r.row)),
    );
    const byRow = new Map(checked.map((c) => [c.row.row, c]));
    const results: AppointmentImportCommitRow[] = [];
    for (const r of inRange) {
      const earlier = done.get(r.row);
      if (earlier) {
        results.push({ row: r.row, status: 'imported', appointmentId: earlier, problems: [] });
        continue;
      }
      const c = byRow.get(r.row) as CheckedRow;
      if (c.problems.length || !c.checked?.ok) {
        results.push({ row: r.row, status: 'invalid', appointmentId: null, problems: c.problems });
        continue;
      }
      const saved = c.checked;
      results.push(
        await this.db.transaction(async (m): Promise<AppointmentImportCommitRow> => {
          const appointmentId = randomUUID();
          // The key first: a concurrent upload of the same file waits here, then finds the row taken.
          const key = await m
            .createQueryBuilder()
            .insert()
            .into(AppointmentImportRowEntity)
            .values({ practiceId: cmd.practiceId, fileSha256: sha, row: r.row, appointmentId })
            .orIgnore()
            .execute();
          if (key.raw.length === 0) {
            const other = await m.findOneByOrFail(AppointmentImportRowEntity, {
              practiceId: cmd.practiceId,
              fileSha256: sha,
              row: r.row,
            });
            return { row: r.row, status: 'imported', appointmentId: other.appointmentId, problems: [] };
          }
          await this.appointments.insert(m, actor, c.cmd, saved, appointmentId);
          return { row: r.row, status: 'created', appointmentId, problems: [] };
        }),
      );
    }
    return {
      fileSha256: sha,
      totalRows: rows.length,
      created: results.filter((r) => r.status === 'created').length,
      alreadyImported: results.filter((r) => r.status === 'imported').length,
      invalid: results.filter((r) => r.status === 'invalid').length,
      rows: results,
    };
  }

  private read(csv: string): { sha: string; rows: CsvAppointmentRow[] } {
    try {
      return { sha: createHash('sha256').update(csv, 'utf8').digest('hex'), rows: readAppointmentsCsv(csv) };
    } catch (error) {
      if (error instanceof CsvFileError)
        throw RpcError.validation([{ field: 'file', rule: 'csv', message: error.message }]);
      throw error;
    }
  }

  /** Rows of this file already saved (an earlier upload): row → appointment. */
  private async importedRows(practiceId: string, sha: string): Promise<Map<number, string>> {
    const rows = await this.db.manager.find(AppointmentImportRowEntity, {
      where: { practiceId, fileSha256: sha },
      select: { row: true, appointmentId: true },
    });
    return new Map(rows.map((r) => [r.row, r.appointmentId]));
  }

  /**
   * Each row through the create pipe's validation, then the appointment's rules. The client and
   * clinician of a file are asked once each, whatever the number of rows that name them.
   */
  private async checkRows(practiceId: string, rows: CsvAppointmentRow[]): Promise<CheckedRow[]> {
    const directory = rememberingDirectory(this.directory);
    const out: CheckedRow[] = [];
    for (const row of rows) {
      const plain = { ...row.body, practiceId };
      let cmd: CreateAppointmentCommand;
      try {
        cmd = (await this.validation.transform(plain, {
          type: 'body',
          metatype: CreateAppointmentCommand,
        })) as CreateAppointmentCommand;
      } catch (error) {
        out.push({ row, cmd: plain, checked: null, problems: merge(row.problems, errorsOf(error)) });
        continue;
      }
      const checked = await this.appointments.check(cmd, directory);
      out.push({
        row,
        cmd,
        checked,
        problems: merge(row.problems, checked.ok ? [] : checked.problems),
      });
    }
    return out;
  }
}

function errorsOf(error: unknown): FieldError[] {
  if (error instanceof RpcError && error.code === 'validation_failed') return error.body.errors ?? [];
  throw error;
}

/** What the file could not read, then the rules' problems on the other columns (not the same cell twice). */
function merge(read: AppointmentImportProblem[], errors: FieldError[]): AppointmentImportProblem[] {
  const unreadable = new Set(read.map((p) => p.column));
  return [...read, ...toRowProblems(errors).filter((p) => !unreadable.has(p.column))];
}

/** The practice directory, asked once per client and per clinician for one file. */
function rememberingDirectory(
  directory: PracticeDirectoryClient,
): Pick<PracticeDirectoryClient, 'clientProblem' | 'clinician'> {
  const clients = new Map<string, ReturnType<PracticeDirectoryClient['clientProblem']>>();
  const clinicians = new Map<string, ReturnType<PracticeDirectoryClient['clinician']>>();
  return {
    clientProblem(practiceId, clientId) {
      if (!clients.has(clientId)) clients.set(clientId, directory.clientProblem(practiceId, clientId));
      return clients.get(clientId) as ReturnType<PracticeDirectoryClient['clientProblem']>;
    },
    clinician(practiceId, memberId) {
      if (!clinicians.has(memberId)) clinicians.set(memberId, directory.clinician(practiceId, memberId));
      return clinicians.get(memberId) as ReturnType<PracticeDirectoryClient['clinician']>;
    },
  };
}
