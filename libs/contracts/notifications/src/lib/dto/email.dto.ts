import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@claimline/contracts/common';
import { EMAIL_STATUSES, type EmailStatus, type NotificationKind } from '../notifications.subjects';

/** Query of the e-mail log (admins): newest first, optionally one status and/or one practice. */
export class ListEmailsQuery extends PageQueryDto {
  @IsOptional()
  @IsIn(EMAIL_STATUSES, { message: 'status must be pending, sent or failed' })
  status?: EmailStatus;

  @IsOptional()
  @IsUUID()
  practiceId?: string;
}

/** One row of the e-mail log: what was (or will be) sent to whom, and how delivery went. Never the body. */
export interface EmailLogView {
  id: string;
  /** The `Message-ID` header the e-mail carries (the same on every attempt). */
  messageId: string;
  practiceId: string;
  kind: NotificationKind;
  template: string;
  eventId: string;
  eventType: string;
  recipient: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
}
