import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuditService, parseExportFormat } from '@jejak/audit';
import { withFileChecks } from '@jejak/documents';
import { DocumentsService } from '../documents/documents.service.js';
import { selectionIdParam } from '../selections/selection-id.param.js';
import { ndjsonStream } from './ndjson-stream.js';
import { Roles } from '@jejak/auth';
import { READ_ROLES } from '../security/read-roles.js';

/**
 * Read-only audit routes for AUDITOR and every role that may read a selection: who decided what
 * and when, verification against the hash chain and signed checkpoints, and signed exports.
 */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('selections/:id/timeline')
  @Roles(...READ_ROLES.personalData)
  @ApiOperation({
    summary: 'Who decided what, when (WITA), on which legal basis, with which documents',
    operationId: 'getSelectionTimeline',
  })
  timeline(@Param('id') id: string) {
    return this.audit.timeline(selectionIdParam(id));
  }

  @Get('selections/:id/verify')
  @Roles(...READ_ROLES.verifySelection)
  @ApiOperation({
    summary: 'Verify the hash chain and the signed checkpoints of one selection',
    description:
      '`{ ok, eventsChecked, headHash }`, or `brokenAt` with `reason` (altered, missing, reordered) and `detail`. ' +
      '`files`: the evidence files its events refer to, each present and matching its SHA-256 ' +
      '(`failures` name the revision, event and document of each that is missing or altered); ' +
      '`ok` is false when one fails.',
    operationId: 'verifySelection',
  })
  async verify(@Param('id') id: string) {
    const selectionId = selectionIdParam(id);
    const chain = await this.audit.verify(selectionId);
    const files = await this.documents.verifyFiles(chain.streamId);
    return { ...chain, ok: chain.ok && files.ok, files };
  }

  @Get('selections/:id/export')
  @Roles(...READ_ROLES.personalData)
  @ApiOperation({
    summary: 'Evidence: json (signed bundle), csv (UTF-8 with BOM) or html (printable report)',
    operationId: 'exportSelection',
  })
  @ApiQuery({ name: 'format', enum: ['json', 'csv', 'html'], required: false })
  @ApiQuery({
    name: 'withFiles',
    enum: ['true', 'false'],
    required: false,
    description: 'json: include every evidence file the events refer to (base64) in the bundle',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  async export(
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Query('withFiles') withFiles: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const selectionId = selectionIdParam(id);
    const kind = parseExportFormat(format);
    const files =
      withFiles === 'true' && kind === 'json'
        ? await this.documents.filesOfSelection(`selection-${selectionId}`)
        : undefined;
    const file = await this.audit.export(selectionId, kind, files === undefined ? {} : { files });
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-type-options', 'nosniff');
    return file.body;
  }

  @Get('audit/verify')
  @Roles(...READ_ROLES.verifyAll)
  @ApiOperation({
    summary: 'Verify every stream: one NDJSON line per stream, then a summary line',
    description:
      'Also checks every evidence file an event refers to: one `file` line per reference to a ' +
      'missing or altered file (its event, revision and document), before the summary, whose ' +
      '`files` counts them and whose `ok` is false when one fails.',
    operationId: 'verifyAll',
  })
  @ApiProduces('application/x-ndjson')
  verifyAll(): StreamableFile {
    const lines = withFileChecks(this.audit.verifyAll(), () => this.documents.verifyFiles());
    return new StreamableFile(ndjsonStream(lines), {
      type: 'application/x-ndjson',
    });
  }

  @Get('audit/public-key')
  @ApiOperation({
    summary: 'The Ed25519 public key that signs checkpoints and bundles, and its key id',
    operationId: 'getAuditPublicKey',
  })
  @ApiOkResponse({
    description: '`{ keyId, algorithm, publicKeyPem }`; key id = SHA-256 of the SPKI public key',
  })
  publicKey() {
    return this.audit.publicKey();
  }
}
