import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
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
  Min,
  ValidateIf,
} from 'class-validator';
import { IsNpi, PageQueryDto } from '@claimline/contracts/common';
import { TEAM_MEMBER_ROLES, type TeamMemberRole } from '@claimline/domain';
import { IsTaxonomyCode } from '../validators';

export { TEAM_MEMBER_ROLES, type TeamMemberRole };

const CREDENTIAL = /^[A-Za-z][A-Za-z0-9.-]{0,11}$/;
const CREDENTIAL_MESSAGE =
  'each credential must be a licence or degree abbreviation such as LCSW, LPC or PhD (letters, digits, dots, dashes; at most 12)';
export const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

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

  /** Licences and degrees shown after the name, e.g. ["LCSW"] or ["PhD", "LP"]. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6, { message: 'credentials may list at most 6 entries' })
  @Matches(CREDENTIAL, { each: true, message: CREDENTIAL_MESSAGE })
  credentials?: string[];

  /** Personal (Type 1) NPI; null clears it. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  npi?: string | null;

  /** The clinician's own NUCC taxonomy code (rendering provider); null clears it. */
  @IsOptional()
  @Transform(upperTrim)
  @ValidateIf((_, v) => v !== null)
  @IsTaxonomyCode()
  taxonomyCode?: string | null;

  @IsOptional()
  @IsBoolean()
  secureMessagingEnabled?: boolean;
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
  @IsArray()
  @ArrayMaxSize(6, { message: 'credentials may list at most 6 entries' })
  @Matches(CREDENTIAL, { each: true, message: CREDENTIAL_MESSAGE })
  credentials?: string[];

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNpi()
  npi?: string | null;

  @IsOptional()
  @Transform(upperTrim)
  @ValidateIf((_, v) => v !== null)
  @IsTaxonomyCode()
  taxonomyCode?: string | null;

  @IsOptional()
  @IsBoolean()
  secureMessagingEnabled?: boolean;
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
  credentials: string[];
  npi: string | null;
  taxonomyCode: string | null;
  secureMessagingEnabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
