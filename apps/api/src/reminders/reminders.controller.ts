import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READ_MODEL_STORE, type ReadModelStore } from '@jejak/event-store';
import { listReminderRecords, type ReminderRecord } from '@jejak/reminders';
import { SelectionQueries } from '@jejak/selections';
import { selectionIdParam } from '../selections/selection-id.param.js';
import { Roles } from '@jejak/auth';
import { READ_ROLES } from '../security/read-roles.js';

/** The reminders of a selection: what was sent, retried, failed or dropped, per channel. */
@ApiTags('reminders')
@Controller('selections')
export class RemindersController {
  constructor(
    private readonly queries: SelectionQueries,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Get(':id/reminders')
  @Roles(...READ_ROLES.reminders)
  @ApiOperation({
    summary: "A selection's reminder records: status, channel, attempts and times",
    operationId: 'getSelectionReminders',
  })
  @ApiOkResponse({ description: 'The records, one per job, channel and fire instant' })
  async list(@Param('id') id: string): Promise<{ items: ReminderRecord[] }> {
    const selectionId = selectionIdParam(id);
    await this.queries.summary(selectionId); // 404 for a selection that does not exist
    return { items: await listReminderRecords(this.readModels, selectionId) };
  }
}
