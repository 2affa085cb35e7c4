import {
  openSelectionBasis,
  panselComposition,
  selectionConfiguration,
  supervisoryRecommendation,
  vacancyRegistration,
} from './jptp.rules.js';
import {
  PANSEL_DECREE,
  aDocument,
  aVacancy,
  jptpCommand as c,
  panselOf,
  wita,
} from './testing/jptp-builders.js';
import { after, expectAccepted, expectBroken, when } from './testing/jptp-expect.js';
import { jptpScenario } from './testing/jptp-scenario.js';

const scenario = jptpScenario();
const planning = () => scenario.eventsTo('planning');
const preparing = () => scenario.eventsTo('preparing');
const on = (date: string) => wita(date);

describe('A-VAC vacancyRegistration', () => {
  const register = (overrides: Parameters<typeof aVacancy>[1]) =>
    c('RegisterVacancy', aVacancy(9, overrides), on('2024-04-02'));

  it('accepts a LOWONG vacancy', () => {
    expect(expectAccepted(when(planning(), register({}))).context.vacancies).toHaveLength(1);
  });
  it('accepts an AKAN_LOWONG vacancy with its TMT', () => {
    expectAccepted(when(planning(), register({ status: 'AKAN_LOWONG', tmt: '2024-08-01' })));
  });
  it('rejects an AKAN_LOWONG vacancy without TMT', () => {
    expectBroken(when(planning(), register({ status: 'AKAN_LOWONG' })), vacancyRegistration, 'TMT');
  });
  it('rejects a status that is neither LOWONG nor AKAN_LOWONG', () => {
    const status = 'TERISI' as 'LOWONG';
    expectBroken(when(planning(), register({ status })), vacancyRegistration, 'TERISI');
  });
  it('rejects a vacancy registered twice', () => {
    const twice = after(planning(), register({}));
    expectBroken(when(twice, register({})), vacancyRegistration, 'already registered');
  });
});

describe('A-BASIS openSelectionBasis', () => {
  const basis = (reason: string) => c('RecordOpenSelectionBasis', { reason }, on('2024-04-02'));
  it('accepts the reason for an open selection', () => {
    expect(expectAccepted(when(planning(), basis('Pasal 130(2)'))).context.basis).toBe(
      'Pasal 130(2)',
    );
  });
  it('rejects a blank reason', () => {
    expectBroken(when(planning(), basis('  ')), openSelectionBasis, 'reason');
  });
});

describe('A-CFG selectionConfiguration', () => {
  const configure = (
    weights: number[],
    extra: { maxPostsPerApplicant?: number; maxAge?: number } = {},
  ) => {
    const [assessment = 0, technical = 0, trackRecord = 0, interview = 0] = weights;
    return c(
      'ConfigureSelection',
      { weights: { assessment, technical, trackRecord, interview }, ...extra },
      on('2024-04-02'),
    );
  };
  it('accepts weights that sum to 100 and keeps the other defaults', () => {
    const { context } = expectAccepted(when(planning(), configure([40, 20, 20, 20])));
    expect(context.config).toMatchObject({
      weights: { assessment: 40 },
      maxPostsPerApplicant: 1,
      maxAge: 56,
    });
  });
  it('rejects weights that sum to 90', () => {
    expectBroken(
      when(planning(), configure([40, 20, 20, 10])),
      selectionConfiguration,
      'sum to 90',
    );
  });
  it('rejects a negative weight', () => {
    expectBroken(
      when(planning(), configure([120, -20, 0, 0])),
      selectionConfiguration,
      'not a number >= 0',
    );
  });
  it('rejects fewer than one post per applicant', () => {
    const command = configure([25, 25, 25, 25], { maxPostsPerApplicant: 0 });
    expectBroken(when(planning(), command), selectionConfiguration, 'maxPostsPerApplicant');
  });
  it('rejects a maximum age that is not a whole number of years', () => {
    expectBroken(
      when(planning(), configure([25, 25, 25, 25], { maxAge: 56.5 })),
      selectionConfiguration,
      'maxAge',
    );
  });
});

describe('A-PANSEL panselComposition', () => {
  const form = (size: number, internal: number) =>
    c('FormPansel', { decree: PANSEL_DECREE, members: panselOf(size, internal) }, on('2024-05-13'));
  it('accepts 5 members with 2 internal', () => {
    expect(expectAccepted(when(preparing(), form(5, 2))).context.pansel?.members).toHaveLength(5);
  });
  it('accepts 9 members with 4 internal (44%)', () => {
    expectAccepted(when(preparing(), form(9, 4)));
  });
  it('rejects an even number of members', () => {
    expectBroken(when(preparing(), form(6, 2)), panselComposition, 'odd');
  });
  it('rejects fewer than 5 members', () => {
    expectBroken(when(preparing(), form(3, 1)), panselComposition, '5 to 9');
  });
  it('rejects more than 9 members', () => {
    expectBroken(when(preparing(), form(11, 3)), panselComposition, '5 to 9');
  });
  it('rejects more than 45% internal members', () => {
    expectBroken(when(preparing(), form(5, 3)), panselComposition, 'more than 45%');
  });
});

describe('A-SUPV supervisoryRecommendation', () => {
  const recommend = (issuer: string, date: string) =>
    c(
      'RecordSupervisoryRecommendation',
      { document: aDocument(issuer, 'B-1/2024', date), purpose: 'PLAN' },
      on('2024-09-30'),
    );
  it('accepts a KASN recommendation dated before the cut-over', () => {
    expectAccepted(when(preparing(), recommend('KASN', '2024-05-08')));
  });
  it('accepts a BKN recommendation dated after the cut-over', () => {
    expectAccepted(when(preparing(), recommend('BKN', '2024-09-02')));
  });
  it('rejects a KASN letter dated after the cut-over', () => {
    expectBroken(
      when(preparing(), recommend('KASN', '2024-08-05')),
      supervisoryRecommendation,
      'KASN',
    );
  });
  it('rejects a BKN letter dated before the cut-over', () => {
    expectBroken(
      when(preparing(), recommend('BKN', '2024-05-08')),
      supervisoryRecommendation,
      'BKN',
    );
  });
  it('rejects an issuer that is no supervisory authority', () => {
    expectBroken(
      when(preparing(), recommend('BKD', '2024-05-08')),
      supervisoryRecommendation,
      'BKD',
    );
  });
});
