import { randomUUID } from 'node:crypto';
import type { EventStore } from '@jejak/event-store';
import type { Actor } from '@jejak/workflows';
import { recordDecision } from './record-decision.js';
import { sampleProcedure } from './sample-procedure.js';

export const SEKRETARIAT: Actor = {
  sub: 'sekretariat-1',
  name: 'Maria Goreti',
  nip: '198001012005012001',
  role: 'SEKRETARIAT',
};
export const PPK: Actor = { sub: 'ppk', name: 'Gubernur NTT', role: 'PPK' };

/** The times (UTC) of the five decisions of `aSampleSelection`, one a day from 20 May 2024. */
export const SAMPLE_TIMES = [
  '2024-05-20T01:00:00.000Z',
  '2024-05-21T01:00:00.000Z',
  '2024-05-22T01:00:00.000Z',
  '2024-05-23T01:00:00.000Z',
  '2024-05-24T01:00:00.000Z',
];

export const SAMPLE_LETTER = {
  issuer: 'MENDAGRI',
  number: '100.2.1.3/2147/SJ',
  date: '2024-05-06',
  subject: 'Persetujuan <Pelaksanaan> "Seleksi" & Tes',
};

/** Five lawful decisions of the stand-in procedure, through decide and the real store. */
export async function aSampleSelection(
  store: EventStore,
  title = 'Seleksi Contoh',
): Promise<string> {
  const id = randomUUID();
  const steps: [string, Record<string, unknown>, Actor][] = [
    ['OpenSelection', { selectionId: id, title }, SEKRETARIAT],
    ['RecordVacancy', { vacancyId: 'v1', title: 'Kepala Dinas Perhubungan' }, SEKRETARIAT],
    ['RecordVacancy', { vacancyId: 'v2', title: 'Kepala Dinas Kesehatan' }, SEKRETARIAT],
    ['RecordLetter', { document: SAMPLE_LETTER }, SEKRETARIAT],
    ['CloseSelection', { outcome: 'terisi' }, PPK],
  ];
  for (const [index, [type, data, actor]] of steps.entries()) {
    await recordDecision(store, sampleProcedure, id, {
      type,
      data,
      now: SAMPLE_TIMES[index]!,
      actor,
    });
  }
  return id;
}
