import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { Audit } from './audit.decorator';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  // Reading the audit log is itself audited (who looked, when, with what outcome).
  @Audit({ resource: 'audit_event', action: 'list' })
  @ApiOperation({ summary: 'Who read or changed which record, when (admins only)' })
  search(@Query() query: AuditQuery) {
    return this.audit.search(query);
  }
}
