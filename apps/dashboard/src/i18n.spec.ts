import { describe, expect, it } from '@jest/globals';
import { DICTIONARIES, commandLabel, fieldLabel, humanize, term, translator } from './i18n.js';

describe('Bahasa Indonesia and English', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.id).sort());
    for (const key of Object.keys(DICTIONARIES.id) as (keyof typeof DICTIONARIES.id)[]) {
      expect([key, placeholders(DICTIONARIES.en[key])]).toEqual([key, placeholders(DICTIONARIES.id[key])]);
    }
  });

  it('fills placeholders', () => {
    expect(translator('id')('workingDaysLeft', { n: 3 })).toBe('3 hari kerja lagi');
    expect(translator('en')('workingDaysLeft', { n: 3 })).toBe('3 working days left');
  });

  it('names states and statuses, keeping counts and unknown values', () => {
    expect(term('id', 'registrationClosed')).toBe('Pendaftaran ditutup');
    expect(term('en', 'awaitingPpk')).toBe('Awaiting the PPK');
    expect(term('id', 'extended(1)')).toBe('diperpanjang (1)');
    expect(term('id', 'SOMETHING_ELSE')).toBe('SOMETHING_ELSE');
    expect(fieldLabel('id', 'registrationOpensOn')).toBe('Pendaftaran dibuka');
    expect(fieldLabel('en', 'registrationOpensOn')).toBe('Registration opens on');
    expect(humanize('maxPostsPerApplicant')).toBe('Max posts per applicant');
  });

  it('names commands in Bahasa Indonesia, and in English from their words', () => {
    expect(commandLabel('id', 'FormPansel')).toBe('Bentuk Pansel');
    expect(commandLabel('en', 'RecordPpkStatus')).toBe('Record PPK status');
    expect(commandLabel('en', 'SubmitInventoryToTPK')).toBe('Submit inventory to TPK');
    expect(commandLabel('id', 'SomeNewCommand')).toBe('Some new command');
  });
});
