import { BaseServiceEnv, IsEnvInt } from '@claimline/backend/util-config';
import { DEFAULT_UNREAD_EMAIL_DELAY_SECONDS } from '@claimline/contracts/messaging';

export class MessagingEnv extends BaseServiceEnv {
  /**
   * How long a recipient has to read a message before one e-mail tells them a secure message
   * waits (seconds; the seed's 2 minutes). A user's own preference replaces it for them.
   */
  @IsEnvInt(1, 86_400)
  UNREAD_EMAIL_DELAY_SECONDS: number = DEFAULT_UNREAD_EMAIL_DELAY_SECONDS;

  /** How often the unread e-mail schedule is polled for due rows (every replica polls; each row is claimed once). */
  @IsEnvInt(50, 60_000)
  UNREAD_EMAIL_POLL_MS: number = 2000;

  /** Due rows claimed per round. */
  @IsEnvInt(1, 1000)
  UNREAD_EMAIL_BATCH_SIZE: number = 100;

  /** How long after posting its sender may still edit a message (seconds; 15 minutes). */
  @IsEnvInt(0, 86_400)
  MESSAGE_EDIT_WINDOW_SECONDS: number = 900;
}

export const SERVICE_NAME = 'messaging';
export const SCHEMA = 'messaging';
