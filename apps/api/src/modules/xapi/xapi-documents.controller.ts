import { BadRequestException, Controller, Delete, Get, NotFoundException, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SkipCsrfToken } from '../identity/auth-user';
import type { XapiDocumentKind } from './entities/xapi-document.entity';
import { XapiArea, XapiAuthGuard, type XapiRequest } from './xapi-auth.guard';
import { XapiDocumentService, type DocumentKey, type Preconditions } from './xapi-document.service';
import { parseJsonParameter, queryParams, rawBody } from './xapi-http';
import { ifiOf, isIri, isUuid, validateAgentParameter, XapiValidationError, type XapiMajor } from './xapi-validation';

interface Resource {
  kind: XapiDocumentKind;
  /** the parameter naming one document */
  idParam: 'stateId' | 'profileId';
  needsActivity: boolean;
  needsAgent: boolean;
  registration: boolean;
}

const STATE: Resource = { kind: 'state', idParam: 'stateId', needsActivity: true, needsAgent: true, registration: true };
const ACTIVITY_PROFILE: Resource = { kind: 'activity_profile', idParam: 'profileId', needsActivity: true, needsAgent: false, registration: false };
const AGENT_PROFILE: Resource = { kind: 'agent_profile', idParam: 'profileId', needsActivity: false, needsAgent: true, registration: false };

function agentIfi(value: string, major: XapiMajor): string {
  try {
    return ifiOf(validateAgentParameter(parseJsonParameter('agent', value), major)) ?? '';
  } catch (error) {
    if (error instanceof XapiValidationError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** Reads the parameters of a document request into its key and the document id (if given). */
function keyOf(request: XapiRequest, resource: Resource): { key: DocumentKey; documentId?: string; since?: string } {
  const allowed = [resource.idParam, 'since', ...(resource.needsActivity ? ['activityId'] : []), ...(resource.needsAgent ? ['agent'] : []), ...(resource.registration ? ['registration'] : [])];
  const params = queryParams(request, allowed);
  const major = request.xapi!.major;
  let activityId = '';
  if (resource.needsActivity) {
    if (!params.activityId) throw new BadRequestException('The activityId parameter is required');
    if (!isIri(params.activityId)) throw new BadRequestException('activityId must be an IRI');
    activityId = params.activityId;
  }
  let ifi = '';
  if (resource.needsAgent) {
    if (!params.agent) throw new BadRequestException('The agent parameter is required');
    ifi = agentIfi(params.agent, major);
  }
  let registration = '';
  if (params.registration !== undefined) {
    if (!isUuid(params.registration)) throw new BadRequestException('registration must be a UUID');
    registration = params.registration.toLowerCase();
  }
  const documentId = params[resource.idParam];
  if (documentId !== undefined && params.since !== undefined) throw new BadRequestException(`since lists documents; it cannot be combined with ${resource.idParam}`);
  return { key: { kind: resource.kind, activityId, agentIfi: ifi, registration }, documentId, since: params.since };
}

function preconditions(request: XapiRequest): Preconditions {
  const ifMatch = request.headers['if-match'];
  const ifNoneMatch = request.headers['if-none-match'];
  return { ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined, ifNoneMatch: typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined };
}

/** The shared handlers of the three document resources. */
abstract class DocumentsController {
  protected abstract readonly resource: Resource;
  constructor(protected readonly documents: XapiDocumentService) {}

  protected async read(request: XapiRequest, reply: FastifyReply): Promise<void> {
    const { key, documentId, since } = keyOf(request, this.resource);
    if (documentId === undefined) {
      const { ids, lastModified } = await this.documents.ids(key, since);
      if (lastModified) void reply.header('Last-Modified', lastModified.toUTCString());
      void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(ids));
      return;
    }
    const document = await this.documents.get(key, documentId);
    if (!document) throw new NotFoundException('No such document');
    void reply
      .status(200)
      .header('content-type', document.contentType)
      .header('ETag', `"${document.etag}"`)
      .header('Last-Modified', document.updatedAt.toUTCString())
      .send(document.content);
  }

  private needId(documentId: string | undefined): string {
    if (documentId === undefined || documentId === '') throw new BadRequestException(`The ${this.resource.idParam} parameter is required`);
    return documentId;
  }

  protected async write(request: XapiRequest, reply: FastifyReply, merge: boolean): Promise<void> {
    const { key, documentId } = keyOf(request, this.resource);
    const id = this.needId(documentId);
    const contentType = request.headers['content-type'] ?? 'application/octet-stream';
    const body = rawBody(request);
    if (merge) await this.documents.post(key, id, body, contentType, preconditions(request));
    else await this.documents.put(key, id, body, contentType, preconditions(request), request.xapi!.major);
    void reply.status(204).send();
  }

  protected async remove(request: XapiRequest, reply: FastifyReply): Promise<void> {
    const { key, documentId } = keyOf(request, this.resource);
    if (documentId === undefined && this.resource.kind === 'state') await this.documents.deleteAll(key);
    else await this.documents.delete(key, this.needId(documentId), preconditions(request));
    void reply.status(204).send();
  }
}

@ApiExcludeController()
@SkipCsrfToken()
@XapiArea('state')
@UseGuards(XapiAuthGuard)
@Controller('xapi/activities/state')
export class XapiStateController extends DocumentsController {
  protected readonly resource = STATE;
  constructor(documents: XapiDocumentService) {
    super(documents);
  }
  @Get() get(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.read(q, r); }
  @Put() put(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, false); }
  @Post() post(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, true); }
  @Delete() delete(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.remove(q, r); }
}

@ApiExcludeController()
@SkipCsrfToken()
@XapiArea('profile')
@UseGuards(XapiAuthGuard)
@Controller('xapi/activities/profile')
export class XapiActivityProfileController extends DocumentsController {
  protected readonly resource = ACTIVITY_PROFILE;
  constructor(documents: XapiDocumentService) {
    super(documents);
  }
  @Get() get(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.read(q, r); }
  @Put() put(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, false); }
  @Post() post(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, true); }
  @Delete() delete(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.remove(q, r); }
}

@ApiExcludeController()
@SkipCsrfToken()
@XapiArea('profile')
@UseGuards(XapiAuthGuard)
@Controller('xapi/agents/profile')
export class XapiAgentProfileController extends DocumentsController {
  protected readonly resource = AGENT_PROFILE;
  constructor(documents: XapiDocumentService) {
    super(documents);
  }
  @Get() get(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.read(q, r); }
  @Put() put(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, false); }
  @Post() post(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.write(q, r, true); }
  @Delete() delete(@Req() q: XapiRequest, @Res() r: FastifyReply) { return this.remove(q, r); }
}
