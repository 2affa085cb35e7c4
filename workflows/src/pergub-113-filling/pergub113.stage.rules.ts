import { ruleMessage } from '../core/messages.js';
import type { CheckMessage } from '../core/rule.js';
import type { Role } from '../core/types.js';
import {
  activeVacancies,
  candidateNips,
  currentStage,
  PERGUB113_STAGE_COMPLETERS,
} from './pergub113.context.js';
import { citedRule, type CitedMessage } from './pergub113.rule-kit.js';
import type { Pergub113Stage, PergubContext } from './pergub113.types.js';

const cite =
  (citation: string) =>
  (message: CheckMessage): CitedMessage => ({ citation, message });

/** What each stage needs before it may end, with the provision that asks for it. */
const STAGE_WORK: Partial<Record<Pergub113Stage, (context: PergubContext) => CitedMessage[]>> = {
  constitutingTpk: (context) =>
    [
      ...(context.tpk ? [] : [ruleMessage('B-DONE.noTpkDecree')]),
      ...(context.sekretariat ? [] : [ruleMessage('B-DONE.noSekretariatDecree')]),
    ].map(cite('Pergub NTT 113/2023 Pasal 5 ayat (2) dan Pasal 7 ayat (1)')),
  inventory: (context) =>
    (activeVacancies(context).length > 0 ? [] : [ruleMessage('B-DONE.noVacancy')]).map(
      cite('Pergub NTT 113/2023 Pasal 9 ayat (2)'),
    ),
  mapping: (context) =>
    candidateNips(context)
      .filter((nip) => !context.mapping[nip])
      .map((nip) => ruleMessage('B-DONE.notMapped', { nip }))
      .map(cite('Pergub NTT 113/2023 Pasal 11 ayat (3)')),
  trackRecord: (context) =>
    candidateNips(context)
      .filter((nip) => !context.trackRecords[nip])
      .map((nip) => ruleMessage('B-DONE.trackRecordMissing', { nip }))
      .map(cite('Pergub NTT 113/2023 Pasal 11 ayat (4) dan ayat (5)')),
};

const STAGE_CITATION = 'Pergub NTT 113/2023 Pasal 5 sampai dengan Pasal 11';

function completion(context: PergubContext, stage: Pergub113Stage, by: Role): CitedMessage[] {
  const current = currentStage(context);
  const completer = PERGUB113_STAGE_COMPLETERS[stage];
  if (stage !== current) {
    return [
      cite(STAGE_CITATION)(ruleMessage('B-DONE.otherStage', { stage, current: current ?? '-' })),
    ];
  }
  return [
    ...(by === completer
      ? []
      : [
          cite(STAGE_CITATION)(
            ruleMessage('B-DONE.wrongDecider', {
              stage,
              decider: completer ?? '-',
              completedBy: by,
            }),
          ),
        ]),
    ...(STAGE_WORK[stage]?.(context) ?? []),
  ];
}

/**
 * B-DONE: a stage ends only when its work is done: both decrees (constitutingTpk), at least one
 * vacancy (inventory), every candidate mapped (mapping), every candidate's three track-record
 * sources (trackRecord). Each message cites the provision of the missing work.
 */
export const stageDone = citedRule({
  id: 'B-DONE',
  citation: STAGE_CITATION,
  on: {
    StageCompleted: (context, { data }) => completion(context, data.stage, data.completedBy),
    InventorySubmittedToTPK: (context) => STAGE_WORK.inventory?.(context) ?? [],
  },
});
