import {
  SUPERVISORY_CUTOVER,
  issuerValidOn,
  supervisoryAuthorityOf,
  supervisoryAuthorityOn,
} from './authority.js';

describe('supervisory authority', () => {
  it('cuts over from KASN on 2024-08-01 by default, with its source', () => {
    expect(SUPERVISORY_CUTOVER).toMatchObject({
      from: '2024-08-01',
      before: 'KASN',
      after: 'BKN/KemenPAN-RB',
    });
    expect(SUPERVISORY_CUTOVER.source).toMatch(/Perpres 91\/2024 dan 92\/2024/);
    expect(supervisoryAuthorityOn('2024-07-31')).toBe('KASN');
    expect(supervisoryAuthorityOn('2024-08-01')).toBe('BKN/KemenPAN-RB');
  });

  it('takes another cut-over date as a parameter', () => {
    expect(supervisoryAuthorityOn('2024-08-15', '2024-09-01')).toBe('KASN');
    expect(supervisoryAuthorityOn('2024-09-01', '2024-09-01')).toBe('BKN/KemenPAN-RB');
  });

  it('reads issuer names', () => {
    expect(supervisoryAuthorityOf('KASN')).toBe('KASN');
    expect(supervisoryAuthorityOf('Komisi Aparatur Sipil Negara')).toBe('KASN');
    expect(supervisoryAuthorityOf('BKN')).toBe('BKN/KemenPAN-RB');
    expect(supervisoryAuthorityOf('KemenPAN-RB')).toBe('BKN/KemenPAN-RB');
    expect(supervisoryAuthorityOf('MENDAGRI')).toBeUndefined();
  });

  describe('issuerValidOn', () => {
    it('accepts the KASN recommendation of the 2024 NTT case (8 May 2024)', () => {
      expect(issuerValidOn('KASN', '2024-05-08')).toBe(true);
    });

    it('rejects a KASN letter dated on or after the cut-over', () => {
      expect(issuerValidOn('KASN', '2024-08-01')).toBe(false);
      expect(issuerValidOn('KASN', '2025-01-10')).toBe(false);
    });

    it('accepts BKN or KemenPAN-RB after the cut-over, not before', () => {
      expect(issuerValidOn('BKN', '2024-08-01')).toBe(true);
      expect(issuerValidOn('KemenPAN-RB', '2025-03-03')).toBe(true);
      expect(issuerValidOn('BKN', '2024-07-31')).toBe(false);
    });

    it('follows a configured cut-over', () => {
      expect(issuerValidOn('KASN', '2024-08-15', '2024-09-01')).toBe(true);
    });

    it('rejects an issuer that is no supervisory authority', () => {
      expect(issuerValidOn('MENDAGRI', '2024-05-06')).toBe(false);
    });
  });
});
