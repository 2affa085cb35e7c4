import { commandCatalog } from './procedure-catalog.js';
import { TOY_KIND, toyProcedure } from './testing/toy-procedure.js';

describe('commandCatalog', () => {
  it('lists each command with its writable roles, accepting states and rules', () => {
    expect(commandCatalog({ [TOY_KIND]: toyProcedure })).toEqual([
      {
        kind: TOY_KIND,
        type: 'OpenSelection',
        event: 'SelectionOpened',
        roles: ['SEKRETARIAT'],
        states: ['unopened'],
        rules: [],
      },
      {
        kind: TOY_KIND,
        type: 'FormPansel',
        event: 'PanselFormed',
        roles: ['PPK'],
        states: ['drafting'],
        rules: [],
      },
      {
        kind: TOY_KIND,
        type: 'AddItem',
        event: 'ItemAdded',
        roles: ['SEKRETARIAT', 'PANSEL'],
        states: ['drafting'],
        rules: [
          { id: 'T-NAME', citation: 'Toy Regulation 1/2024 Pasal 1' },
          { id: 'T-UNIQUE', citation: 'Toy Regulation 1/2024 Pasal 2' },
          { id: 'T-LIMIT', citation: 'Toy Regulation 1/2024 Pasal 3' },
        ],
      },
      // AUDITOR is in the toy's table and still never writes.
      {
        kind: TOY_KIND,
        type: 'CloseDraft',
        event: 'DraftClosed',
        roles: ['PPK'],
        states: ['drafting'],
        rules: [],
      },
    ]);
  });
});
