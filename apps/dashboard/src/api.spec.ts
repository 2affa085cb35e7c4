import { describe, expect, it } from '@jest/globals';
import { apiUrl } from './api.js';

describe('apiUrl', () => {
  it('resolves API paths against the directory above the page, prefix kept', () => {
    expect(apiUrl('/selections?page=1', 'http://127.0.0.1:3000/ui/')).toBe(
      'http://127.0.0.1:3000/selections?page=1',
    );
    expect(apiUrl('/ui/config.json', 'https://bkd.example.org/jejak/ui/#/seleksi/abc')).toBe(
      'https://bkd.example.org/jejak/ui/config.json',
    );
    expect(apiUrl('/health', 'https://bkd.example.org/a/b/ui/index.html')).toBe(
      'https://bkd.example.org/a/b/health',
    );
  });
});
