import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '@claimline/contracts/common';
import type { AuditAction, AuditFilters } from '@claimline/contracts/gateway';

export class AuditQuery extends PageQueryDto implements AuditFilters {
  @IsOptional()
  @IsUUID()
  userId?: string;

  @IsOptional()
  @IsUUID()
  practiceId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 60)
  resourceType?: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  resourceId?: string;

  @IsOptional()
  @IsIn(['list', 'read', 'create', 'update', 'delete'])
  action?: AuditAction;

  @IsOptional()
  @IsISO8601()
  from?: string;

  @IsOptional()
  @IsISO8601()
  to?: string;
}
