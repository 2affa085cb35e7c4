import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@jejak/auth';
import { SelectionCommands, SelectionQueries, type SelectionDetailView } from '@jejak/selections';
import type { Actor } from '@jejak/workflows';
import { CorrelationId } from '../observability/index.js';
import {
  EventsQueryDto,
  SelectionListQueryDto,
  StateAtQueryDto,
} from './dto/selection-queries.dto.js';
import {
  EventPageDto,
  HistoricStateDto,
  SelectionCreatedDto,
  SelectionDetailDto,
  SelectionListDto,
} from './dto/selection-responses.dto.js';
import { openRequestOf } from './open-request.js';
import { etagOf, idempotencyKeyOf, NO_STORE, noneMatchHas } from './request-headers.js';
import { selectionIdParam } from './selection-id.param.js';
import { stateAsOf } from './state-as-of.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from './selections.openapi.js';
import { READ_ROLES } from '../security/read-roles.js';

/** Selections: open one, list them, and read one (detail, events, state as of). */
@ApiTags('selections')
@Controller('selections')
export class SelectionsController {
  constructor(
    private readonly commands: SelectionCommands,
    private readonly queries: SelectionQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Open a selection (OpenSelection, SEKRETARIAT)',
    operationId: 'openSelection',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @ApiCreatedResponse({
    type: SelectionCreatedDto,
    description: 'Location: /selections/{id}; ETag',
  })
  async open(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CorrelationId() correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SelectionCreatedDto> {
    const { kind, data, effectiveAt } = await openRequestOf(body, (k) =>
      this.commands.authorizeOpen(k, actor),
    );
    const key = idempotencyKeyOf(idempotencyKey);
    const result = await this.commands.open(kind, data, actor, {
      idempotencyKey: key,
      correlationId,
      effectiveAt,
    });
    void reply
      .header('location', `/selections/${result.selectionId}`)
      .header('etag', etagOf(result.revision));
    return {
      id: result.selectionId,
      kind: result.kind,
      state: result.state,
      revision: result.revision,
    };
  }

  @Get()
  @Roles(...READ_ROLES.selections)
  @ApiOperation({ summary: 'List selections (read model)', operationId: 'listSelections' })
  @ApiOkResponse({ type: SelectionListDto })
  list(@Query() query: SelectionListQueryDto) {
    return this.queries.list(query);
  }

  @Get(':id')
  @Roles(...READ_ROLES.selections)
  @ApiOperation({
    summary: "A selection: state, vacancies, stage dates, the caller's commands, deadlines",
    operationId: 'getSelection',
  })
  @ApiOkResponse({ type: SelectionDetailDto, description: 'ETag: W/"<revision>"' })
  async detail(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SelectionDetailView | undefined> {
    const selectionId = selectionIdParam(id);
    const revision = await this.queries.revision(selectionId);
    // The caller's copy is current: 304 without building the view (RFC 9110 13.1.2, weak match).
    if (noneMatchHas(ifNoneMatch, revision)) {
      void reply.code(304).header('etag', etagOf(revision)).header('cache-control', NO_STORE);
      return undefined;
    }
    const detail = await this.queries.detailAt(selectionId, revision, actor.role);
    void reply.header('etag', etagOf(detail.revision)).header('cache-control', NO_STORE);
    return detail;
  }

  @Get(':id/events')
  @Roles(...READ_ROLES.personalData)
  @ApiOperation({
    summary: 'The stored events with their metadata and hashes',
    operationId: 'getSelectionEvents',
  })
  @ApiOkResponse({ type: EventPageDto })
  events(@Param('id') id: string, @Query() query: EventsQueryDto) {
    return this.queries.events(selectionIdParam(id), query);
  }

  @Get(':id/state')
  @Roles(...READ_ROLES.personalData)
  @ApiOperation({
    summary: 'The state as it was at an instant or after a revision',
    operationId: 'getSelectionStateAsOf',
  })
  @ApiOkResponse({ type: HistoricStateDto })
  state(@Param('id') id: string, @Query() query: StateAtQueryDto) {
    return this.queries.stateAt(selectionIdParam(id), stateAsOf(query));
  }
}
