import { referencedFiles } from './referenced-files.js';

const file = (digit: string) => ({
  sha256: digit.repeat(64),
  mediaType: 'application/pdf',
  size: 10,
});

describe('referencedFiles', () => {
  it('finds the files of every recorded document, with its path and number', () => {
    const data = {
      decree: { number: '800/1/2024', issuer: 'Gubernur', files: [file('a')] },
      shortlists: [{ report: { number: 'R-1', files: [file('b'), file('c')] } }],
    };
    expect(referencedFiles(data)).toEqual([
      { ...file('a'), path: 'decree.files[0]', documentNumber: '800/1/2024' },
      { ...file('b'), path: 'shortlists[0].report.files[0]', documentNumber: 'R-1' },
      { ...file('c'), path: 'shortlists[0].report.files[1]', documentNumber: 'R-1' },
    ]);
  });

  it('finds nothing in data without files, and skips entries that are not references', () => {
    expect(referencedFiles({ decree: { number: '1' }, note: 'files' })).toEqual([]);
    expect(referencedFiles({ files: [{ sha256: 'x', mediaType: 'a', size: 1 }, 'y'] })).toEqual([]);
    expect(referencedFiles(null)).toEqual([]);
  });
});
