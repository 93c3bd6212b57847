import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, Role, ROLES } from '@claimline/contracts/common';
import type { AssignPracticesInput, CreateUserInput, UpdateUserInput } from '@claimline/contracts/gateway';

export class CreateUserBody implements CreateUserInput {
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @IsString()
  @Length(1, 120)
  displayName: string;

  @IsString()
  @Length(12, 256, { message: 'password must be at least 12 characters' })
  password: string;

  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  /** Required for practice owners and clinicians, refused for staff and admins. */
  @ValidateIf(
    (o: CreateUserBody) =>
      o.role === 'practice_owner' || o.role === 'clinician' || o.practiceId !== undefined,
  )
  @IsUUID(undefined, {
    message: 'practiceId must be the id of a practice (required for practice owners and clinicians)',
  })
  practiceId?: string;
}

export class UpdateUserBody implements UpdateUserInput {
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsString()
  @Length(12, 256, { message: 'password must be at least 12 characters' })
  password?: string;

  /** A new role; practice owners and clinicians need `practiceId`, the other roles refuse it. */
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ValidateIf(
    (o: UpdateUserBody) =>
      o.role === 'practice_owner' || o.role === 'clinician' || o.practiceId !== undefined,
  )
  @IsUUID(undefined, {
    message: 'practiceId must be the id of a practice (required for practice owners and clinicians)',
  })
  practiceId?: string;
}

export class AssignPracticesBody implements AssignPracticesInput {
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID(undefined, { each: true, message: 'each practice id must be a UUID' })
  practiceIds: string[];
}

export class ListUsersQuery extends PageQueryDto {
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
