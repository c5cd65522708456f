import { Module } from '@nestjs/common';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditLogService } from './audit-log.service';
import { AuditLogWriter } from './audit-log.writer';

/** The append-only audit log (contract 07): its writer on every domain event, and `Query.auditLog`. */
@Module({
  providers: [AuditLogWriter, AuditLogService, AuditLogResolver],
})
export class AuditModule {}
