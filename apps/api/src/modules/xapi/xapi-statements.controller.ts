import { BadRequestException, Controller, Get, NotFoundException, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SkipCsrfToken } from '../identity/auth-user';
import { multipartBoundary, MultipartError, parseMultipart, buildMultipart } from './multipart';
import { parseAcceptLanguage, type StatementFormat } from './statement-format';
import { XapiArea, XapiAuthGuard, type XapiRequest } from './xapi-auth.guard';
import { parseBoolean, queryParams, rawBody } from './xapi-http';
import { STATEMENT_QUERY_KEYS, XapiStatementService, type AttachmentData } from './xapi-statement.service';
import { isObject, type JsonObject } from './xapi-validation';

const FORMATS: StatementFormat[] = ['exact', 'ids', 'canonical'];

/** The statements and attachment data of a PUT/POST body (application/json or multipart/mixed). */
function readStatementsBody(request: XapiRequest): { statements: unknown; attachments: AttachmentData } {
  const body = rawBody(request);
  const contentType = request.headers['content-type'];
  const attachments: AttachmentData = new Map();
  let json: Buffer = body;
  let boundary: string | null;
  try {
    boundary = multipartBoundary(contentType);
  } catch (error) {
    throw new BadRequestException((error as Error).message);
  }
  if (boundary) {
    let parts;
    try {
      parts = parseMultipart(body, boundary);
    } catch (error) {
      if (error instanceof MultipartError) throw new BadRequestException(`Malformed multipart/mixed body: ${error.message}`);
      throw error;
    }
    const [first, ...rest] = parts;
    if (!first || !/^application\/json\b/i.test(first.headers['content-type'] ?? '')) throw new BadRequestException('The first part of a multipart/mixed request must be the statements (application/json)');
    json = first.body;
    for (const part of rest) {
      const hash = part.headers['x-experience-api-hash'];
      if (!hash) throw new BadRequestException('Every attachment part needs an X-Experience-API-Hash header');
      if ((part.headers['content-transfer-encoding'] ?? '').toLowerCase() !== 'binary') throw new BadRequestException('Every attachment part needs Content-Transfer-Encoding: binary');
      attachments.set(hash.toLowerCase(), { contentType: part.headers['content-type'] ?? 'application/octet-stream', body: Buffer.from(part.body) });
    }
  } else if (!/^application\/json\b/i.test(contentType ?? '')) {
    throw new BadRequestException('Statements are sent as application/json or multipart/mixed');
  }
  try {
    return { statements: JSON.parse(json.toString('utf8')), attachments };
  } catch {
    throw new BadRequestException('The statements are not valid JSON');
  }
}

/** GET/PUT/POST /xapi/statements (xAPI Part 3 §2.1). */
@ApiExcludeController()
@SkipCsrfToken()
@XapiArea('statements')
@UseGuards(XapiAuthGuard)
@Controller('xapi/statements')
export class XapiStatementsController {
  constructor(private readonly statements: XapiStatementService) {}

  @Put()
  async put(@Req() request: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    const { statementId } = queryParams(request, ['statementId']);
    if (!statementId) throw new BadRequestException('PUT needs the statementId parameter');
    const { statements, attachments } = readStatementsBody(request);
    if (!isObject(statements)) throw new BadRequestException('PUT stores one statement (a JSON object)');
    if (statements.id !== undefined && String(statements.id).toLowerCase() !== statementId.toLowerCase()) {
      throw new BadRequestException('The statement id differs from the statementId parameter');
    }
    await this.statements.store(request.xapi!.caller, [{ ...statements, id: statementId }], attachments, request.xapi!.major);
    void reply.status(204).send();
  }

  @Post()
  async post(@Req() request: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    queryParams(request, []);
    const { statements, attachments } = readStatementsBody(request);
    const list = Array.isArray(statements) ? statements : [statements];
    const ids = await this.statements.store(request.xapi!.caller, list, attachments, request.xapi!.major);
    void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(ids));
  }

  @Get()
  async get(@Req() request: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    const params = queryParams(request, ['statementId', 'voidedStatementId', 'format', 'attachments', 'more', ...STATEMENT_QUERY_KEYS]);
    const format = (params.format ?? 'exact') as StatementFormat;
    if (!FORMATS.includes(format)) throw new BadRequestException('format must be exact, ids or canonical');
    const withAttachments = parseBoolean('attachments', params.attachments);
    const languages = parseAcceptLanguage(request.headers['accept-language']);
    const mineOf = request.xapi!.mineOnly ? request.xapi!.caller.clientId : null;
    const single = params.statementId ?? params.voidedStatementId;
    void reply.header('X-Experience-API-Consistent-Through', await this.statements.consistentThrough());

    if (single !== undefined) {
      if (params.statementId !== undefined && params.voidedStatementId !== undefined) throw new BadRequestException('Give statementId or voidedStatementId, not both');
      const others = Object.keys(params).filter((k) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k));
      if (others.length > 0) throw new BadRequestException(`With statementId or voidedStatementId only format and attachments may be given (not ${others.join(', ')})`);
      const found = await this.statements.findOne(single, params.voidedStatementId !== undefined, mineOf);
      if (!found) throw new NotFoundException('No such statement');
      const [statement] = await this.statements.format([found.statement], format, languages);
      void reply.header('Last-Modified', found.stored.toUTCString());
      return this.send(reply, statement!, withAttachments ? found.attachmentSha2s : null);
    }

    let page;
    if (params.more !== undefined) {
      if (Object.keys(params).some((k) => !['more', 'format', 'attachments'].includes(k))) throw new BadRequestException('more cannot be combined with filters');
      page = await this.statements.query({ more: params.more }, mineOf);
    } else {
      const { format: _f, attachments: _a, ...filters } = params;
      page = await this.statements.query(filters, mineOf);
    }
    const statements = await this.statements.format(page.statements, format, languages);
    return this.send(reply, { statements, more: page.more }, withAttachments ? page.attachmentSha2s : null);
  }

  /** JSON, or multipart/mixed with the attachments' data after it (attachments=true). */
  private async send(reply: FastifyReply, body: JsonObject | { statements: JsonObject[]; more: string }, sha2s: string[] | null): Promise<void> {
    const json = JSON.stringify(body);
    if (sha2s === null) {
      void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(json);
      return;
    }
    const data = await this.statements.attachmentData(sha2s);
    const multipart = buildMultipart([
      { headers: { 'Content-Type': 'application/json' }, body: json },
      ...data.map((d) => ({ headers: { 'Content-Type': d.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': d.sha2 }, body: d.content })),
    ]);
    void reply.status(200).header('content-type', multipart.contentType).send(multipart.body);
  }
}
