import { Module } from '@nestjs/common';
import { ConfirmationsModule } from '../confirmations/confirmations.module';
import { MediaModule } from '../media';
import { AdminCertificatesController, MyCertificatesController, PublicCertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CertificatesCompletionListener } from './completion-listener';
import { SigningKeys } from './signing-keys';

/**
 * Certificates (issued by jobs of the certificates queue: CertificatesProcessor and CertificatesSweepScheduler
 * are registered in WorkerModule), Open Badges credentials, verification, revocation. Other modules call
 * `CertificatesService.requestCourseCertificate(userId, courseId)` / `requestUniversalisationCheck(userId)`.
 */
@Module({
  imports: [MediaModule, ConfirmationsModule],
  controllers: [MyCertificatesController, PublicCertificatesController, AdminCertificatesController],
  providers: [SigningKeys, CertificatesService, CertificatesCompletionListener],
  exports: [CertificatesService, ConfirmationsModule],
})
export class CertificatesModule {}
