import { getMetadataStorage } from 'class-validator';
import { commandCatalog } from '@jejak/selections';
import { procedures } from '@jejak/workflows';
import { validCommandBody } from '../command-body.js';
import { allCommandDtos, COMMAND_DTOS, commandDtoFor, isKnownCommand } from './command-dtos.js';

describe('command DTOs', () => {
  it.each(commandCatalog(procedures).map((entry) => [entry.kind, entry.type] as const))(
    '%s %s has a body DTO',
    (kind, type) => {
      expect(commandDtoFor(kind, type)).toBeDefined();
    },
  );

  it('maps only commands the procedure has', () => {
    for (const [kind, dtos] of Object.entries(COMMAND_DTOS)) {
      const procedure = procedures[kind as keyof typeof procedures];
      if (!procedure) continue;
      for (const type of Object.keys(dtos))
        expect([kind, type, type in procedure.commands]).toEqual([kind, type, true]);
    }
  });

  it('gives every DTO class its own name (OpenAPI schema names are global)', () => {
    const names = allCommandDtos().map((dto) => dto.name);
    expect(names.length).toBe(new Set(names).size);
  });

  it('documents exactly the properties it validates (an undecorated property is stripped)', () => {
    const storage = getMetadataStorage();
    for (const dto of allCommandDtos()) {
      const documented = (
        (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) ?? []) as string[]
      )
        .map((name) => name.replace(/^:/, ''))
        .sort();
      const validated = [
        ...new Set(
          storage.getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName),
        ),
      ].sort();
      expect([dto.name, documented]).toEqual([dto.name, validated]);
    }
  });

  it('accepts {} for a command without payload and refuses any field', async () => {
    const dto = commandDtoFor('jptp-open-selection', 'CloseRegistration')!;
    await expect(validCommandBody(dto, {})).resolves.toEqual({});
    await expect(validCommandBody(dto, undefined)).resolves.toEqual({});
    await expect(validCommandBody(dto, { force: true })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [{ field: 'force', messages: ['property force should not exist'] }] },
    });
  });

  it('knows a command by name, whatever the procedure', () => {
    expect(isKnownCommand('CompleteStage')).toBe(true);
    expect(isKnownCommand('DoSomething')).toBe(false);
    expect(isKnownCommand('toString')).toBe(false);
  });
});
