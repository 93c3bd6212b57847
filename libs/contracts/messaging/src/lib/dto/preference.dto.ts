import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  MAX_USER_UNREAD_EMAIL_DELAY_SECONDS,
  MIN_USER_UNREAD_EMAIL_DELAY_SECONDS,
} from '../messaging.subjects';

const RANGE = `unreadEmailDelaySeconds must be null (the default) or ${MIN_USER_UNREAD_EMAIL_DELAY_SECONDS} to ${MAX_USER_UNREAD_EMAIL_DELAY_SECONDS} seconds`;

/** PUT /messaging/preferences: the caller's own delay before an unread message is e-mailed. */
export class PutMessagingPreferenceBody {
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: RANGE })
  @Min(MIN_USER_UNREAD_EMAIL_DELAY_SECONDS, { message: RANGE })
  @Max(MAX_USER_UNREAD_EMAIL_DELAY_SECONDS, { message: RANGE })
  unreadEmailDelaySeconds: number | null;
}

/** The caller is the user whose preference it is (from the signed assertion). */
export class PutMessagingPreferenceCommand extends PutMessagingPreferenceBody {}
