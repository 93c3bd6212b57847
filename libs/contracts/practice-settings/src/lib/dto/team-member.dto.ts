import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min, ValidateIf } from 'class-validator';
import { IsNpi, PageQueryDto } from '@claimline/contracts/common';

export const TEAM_MEMBER_ROLES = ['owner', 'clinician', 'staff'] as const;
export type TeamMemberRole = (typeof TEAM_MEMBER_ROLES)[number];

export class CreateTeamMemberBody {
  @IsString()
  @Length(1, 60)
  firstName: string;

  @IsString()
  @Length(1, 60)
  lastName: string;

  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @IsIn(TEAM_MEMBER_ROLES, { message: 'role must be owner, clinician or staff' })
  role: TeamMemberRole;

  /** Personal (Type 1) NPI; null clears it. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  npi?: string | null;
}

export class CreateTeamMemberCommand extends CreateTeamMemberBody {
  @IsUUID()
  practiceId: string;
}

export class UpdateTeamMemberBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  firstName?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  lastName?: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @IsOptional()
  @IsIn(TEAM_MEMBER_ROLES, { message: 'role must be owner, clinician or staff' })
  role?: TeamMemberRole;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  npi?: string | null;
}

export class UpdateTeamMemberCommand extends UpdateTeamMemberBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  memberId: string;
}

export class TeamMemberRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  memberId: string;
}

export class ListTeamMembersQuery extends PageQueryDto {
  @IsUUID()
  practiceId: string;
}

export interface TeamMemberView {
  id: string;
  practiceId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: TeamMemberRole;
  npi: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
