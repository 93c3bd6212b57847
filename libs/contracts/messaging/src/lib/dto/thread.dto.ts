import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MultiLine, ROLES, type Role } from '@claimline/contracts/common';
import {
  ABOUT_TYPES,
  type AboutType,
  MAX_ATTACHMENTS,
  MAX_MESSAGING_PAGE,
  MAX_PARTICIPANTS,
  MESSAGE_MAX_LENGTH,
  PARTICIPANT_KINDS,
  type ParticipantKind,
  SEARCH_MAX_LENGTH,
  SUBJECT_MAX_LENGTH,
} from '../messaging.subjects';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Opaque paging cursor: base64url text the service gave out. */
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

export class AboutDto {
  @IsIn(ABOUT_TYPES, { message: `about.type must be one of ${ABOUT_TYPES.join(', ')}` })
  type: AboutType;

  @IsUUID(undefined, { message: 'about.id must be a UUID' })
  id: string;
}

/** The first message of a new thread, or a reply. */
export class MessageBody {
  @IsString()
  @MultiLine()
  @Transform(trim)
  @Length(1, MESSAGE_MAX_LENGTH, { message: `text must be 1 to ${MESSAGE_MAX_LENGTH} characters` })
  text: string;

  /** Documents of the same practice (uploaded with `linkedType: message` or any other link). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: `attachmentIds may list at most ${MAX_ATTACHMENTS} documents` })
  @IsUUID(undefined, { each: true, message: 'each attachment id must be a UUID' })
  attachmentIds?: string[];
}

/** POST /practices/{practiceId}/threads */
export class CreateThreadBody extends MessageBody {
  @IsString()
  @Transform(trim)
  @Length(1, SUBJECT_MAX_LENGTH, { message: `subject must be 1 to ${SUBJECT_MAX_LENGTH} characters` })
  subject: string;

  /** The other people of the thread (users); the caller is always in it. */
  @IsArray()
  @ArrayMinSize(1, { message: 'participantUserIds must name at least one other person' })
  @ArrayMaxSize(MAX_PARTICIPANTS - 1, {
    message: `participantUserIds may name at most ${MAX_PARTICIPANTS - 1} people`,
  })
  @IsUUID(undefined, { each: true, message: 'each participant user id must be a UUID' })
  participantUserIds: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AboutDto)
  about?: AboutDto;
}

/**
 * A participant as the gateway resolved them from its users (it owns them): an active user who
 * may see the practice. The service keeps the address for the unread e-mail only.
 */
export class ParticipantInput {
  @IsIn(PARTICIPANT_KINDS)
  kind: ParticipantKind;

  @IsUUID()
  id: string;

  @IsIn(ROLES)
  role: Role;

  @IsEmail()
  email: string;

  @IsString()
  @Length(1, 200)
  displayName: string;
}

export class CreateThreadCommand {
  @IsUUID()
  practiceId: string;

  @IsString()
  @Length(1, SUBJECT_MAX_LENGTH)
  subject: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AboutDto)
  about?: AboutDto;

  /** Everyone in the thread, the caller included. */
  @IsArray()
  @ArrayMinSize(2, { message: 'a thread needs the caller and at least one other person' })
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => ParticipantInput)
  participants: ParticipantInput[];

  @ValidateNested()
  @Type(() => MessageBody)
  message: MessageBody;
}

/** GET /practices/{practiceId}/threads */
export class ListThreadsParams {
  @IsOptional()
  @IsIn(ABOUT_TYPES, { message: `aboutType must be one of ${ABOUT_TYPES.join(', ')}` })
  aboutType?: AboutType;

  @IsOptional()
  @IsUUID(undefined, { message: 'aboutId must be a UUID' })
  aboutId?: string;

  /** Words to find in the subject or the messages (PostgreSQL full-text search, English). */
  @IsOptional()
  @IsString()
  @Transform(trim)
  @Length(1, SEARCH_MAX_LENGTH, { message: `search must be 1 to ${SEARCH_MAX_LENGTH} characters` })
  search?: string;

  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'unreadOnly must be true or false' })
  unreadOnly?: boolean;

  @IsOptional()
  @Matches(CURSOR, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_MESSAGING_PAGE, { message: `limit must be 1 to ${MAX_MESSAGING_PAGE}` })
  limit?: number;
}

export class ListThreadsQuery extends ListThreadsParams {
  @IsUUID()
  practiceId: string;
}

export class ThreadRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;
}

/** POST /practices/{practiceId}/threads/{threadId}/read */
export class MarkReadBody {
  /** Marks read every message up to this one (default: all of the thread). */
  @IsOptional()
  @IsUUID(undefined, { message: 'upToMessageId must be a UUID' })
  upToMessageId?: string;
}

export class MarkReadCommand extends MarkReadBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  threadId: string;
}

export class UnreadCountsQuery {
  /** Only this practice (default: every practice the caller sees). */
  @IsOptional()
  @IsUUID(undefined, { message: 'practiceId must be a UUID' })
  practiceId?: string;
}
