import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor } from '@jejak/auth';
import { SelectionCommands, UnknownCommandError } from '@jejak/selections';
import type { Actor } from '@jejak/workflows';
import { DocumentsService } from '../documents/documents.service.js';
import { CorrelationId } from '../observability/index.js';
import { validCommandBody } from './command-body.js';
import { allCommandDtos, commandDtoFor } from './dto/command-dtos.js';
import { CommandResultDto } from './dto/selection-responses.dto.js';
import { splitEffectiveAt } from './dto/shared/effective-at.js';
import { etagOf, expectedRevisionOf, idempotencyKeyOf } from './request-headers.js';
import { selectionIdParam } from './selection-id.param.js';

/**
 * `POST /selections/:id/commands/:type`: one route for every command. The OpenAPI document
 * lists each command as its own path (SelectionsOpenApi), so this generic one is hidden.
 */
@ApiTags('commands')
@ApiExtraModels(CommandResultDto, ...allCommandDtos())
@Controller('selections')
export class SelectionCommandsController {
  constructor(
    private readonly commands: SelectionCommands,
    private readonly documents: DocumentsService,
  ) {}

  @Post(':id/commands/:type')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async execute(
    @Param('id') id: string,
    @Param('type') type: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const selectionId = selectionIdParam(id);
    const kind = await this.commands.authorize(selectionId, type, actor);
    const dto = commandDtoFor(kind, type);
    if (dto === undefined) throw new UnknownCommandError(type, kind);
    const { data, effectiveAt } = splitEffectiveAt(await validCommandBody(dto, body));
    await this.documents.assertUploaded(data); // 400 for a file hash never uploaded
    const result = await this.commands.execute(
      selectionId,
      { type, data, actor, effectiveAt },
      {
        expectedRevision: expectedRevisionOf(headers['if-match']),
        idempotencyKey: idempotencyKeyOf(headers['idempotency-key']),
        correlationId,
      },
    );
    void reply.header('etag', etagOf(result.revision));
    return { revision: result.revision, state: result.state, events: result.events };
  }
}
