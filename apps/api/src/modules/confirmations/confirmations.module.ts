import { Module } from '@nestjs/common';
import { ConfirmationsController } from './confirmations.controller';
import { ConfirmationsService } from './confirmations.service';

/** Outbox and delivery of universalisation confirmations to the national ID system (jobs run by CertificatesProcessor). */
@Module({
  controllers: [ConfirmationsController],
  providers: [ConfirmationsService],
  exports: [ConfirmationsService],
})
export class ConfirmationsModule {}
