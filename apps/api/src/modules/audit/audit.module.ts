import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log, available to every module (global): inject AuditService and call record(). */
@Global()
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
