import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AuditModule } from '../audit/audit.module';
import { XapiAboutController, XapiDefinitionsController } from './xapi-about.controller';
import { XapiAuthGuard } from './xapi-auth.guard';
import { XapiClientsController } from './xapi-clients.controller';
import { XapiClientsService } from './xapi-clients.service';
import { XapiActivityProfileController, XapiAgentProfileController, XapiStateController } from './xapi-documents.controller';
import { XapiDocumentService } from './xapi-document.service';
import { XapiForwardingService } from './xapi-forwarding.service';
import { registerXapiVersionHeader } from './xapi-http';
import { XapiStatementService } from './xapi-statement.service';
import { XapiStatementsController } from './xapi-statements.controller';

/** Adds X-Experience-API-Version to every /xapi answer (errors too). The worker has no HTTP adapter and skips it. */
@Injectable()
export class XapiVersionHeader implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as { getInstance?: () => unknown } | undefined;
    const fastify = adapter?.getInstance?.() as FastifyInstance | undefined;
    if (fastify?.addHook) registerXapiVersionHeader(fastify);
  }
}

/**
 * The learning record store under /xapi (xAPI 1.0.3 and 2.0): statements, documents, activities,
 * agents, about; HTTP Basic credentials per client (administered under /api/v1/admin/xapi-clients);
 * optional forwarding to an external LRS (XapiProcessor in the worker). Exports XapiStatementService
 * for the platform's own statements (recordSystemStatements).
 */
@Module({
  imports: [AuditModule],
  controllers: [XapiAboutController, XapiStatementsController, XapiStateController, XapiActivityProfileController, XapiAgentProfileController, XapiDefinitionsController, XapiClientsController],
  providers: [XapiClientsService, XapiStatementService, XapiDocumentService, XapiForwardingService, XapiAuthGuard, XapiVersionHeader],
  exports: [XapiStatementService, XapiForwardingService],
})
export class XapiModule {}
