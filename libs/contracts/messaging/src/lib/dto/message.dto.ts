import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MultiLine } from '@claimline/contracts/common';
import { MAX_MESSAGING_PAGE, MESSAGE_MAX_LENGTH } from '../messaging.subjects';
import { MessageBody } from './thread.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** GET /practices/{practiceId}/threads/{threadId}/messages: newest first by `cursor`, or catch-up `after` a message. */
export class ListMessagesParams {
  @IsOptional()
  @Matches(CURSOR, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  /** Catch-up: the messages posted after this one (oldest first), e.g. the last one a client saw. */
  @IsOptional()
  @IsUUID(undefined, { message: 'after must be a message id' })
  after?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_MESSAGING_PAGE, { message: `limit must be 1 to ${MAX_MESSAGING_PAGE}` })
  limit?: number;
}

export class ListMessagesQuery extends ListMessagesParams {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;
}

export class PostMessageCommand extends MessageBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;
}

/** PATCH …/messages/{messageId}: only the sender, only within the edit window. */
export class EditMessageBody {
  @IsString()
  @MultiLine()
  @Transform(trim)
  @Length(1, MESSAGE_MAX_LENGTH, { message: `text must be 1 to ${MESSAGE_MAX_LENGTH} characters` })
  text: string;
}

export class EditMessageCommand extends EditMessageBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;

  @IsUUID()
  messageId: string;
}

export class MessageRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;

  @IsUUID()
  messageId: string;
}
