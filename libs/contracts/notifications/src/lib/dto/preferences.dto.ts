import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { NotificationKind } from '../notifications.subjects';

export class PracticePreferencesQuery {
  @IsUUID()
  practiceId: string;
}

/** Which notifications one recipient wants; a kind left out keeps its current value. */
export class NotificationSwitches {
  @IsOptional()
  @IsBoolean()
  'enrollment-status'?: boolean;

  @IsOptional()
  @IsBoolean()
  'secure-message'?: boolean;
}

export class UpdatePreferencesBody {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @ValidateNested()
  @Type(() => NotificationSwitches)
  notifications: NotificationSwitches;
}

export class UpdatePreferencesCommand extends UpdatePreferencesBody {
  @IsUUID()
  practiceId: string;
}

/** `participant`: a person in a secure messaging thread (the unread message e-mail goes to them alone). */
export type RecipientSource = 'owner' | 'practice' | 'participant';

export interface RecipientPreferencesView {
  email: string;
  /** Why this address gets the practice's e-mails: a team member who is an owner, or the practice e-mail. */
  sources: RecipientSource[];
  notifications: Record<NotificationKind, boolean>;
}

/** The practice's current recipients (owners and the practice e-mail) and what each wants. */
export interface PracticePreferencesView {
  practiceId: string;
  recipients: RecipientPreferencesView[];
}
