import { describe, expect, it } from '@jest/globals';
import { chromiumPath } from './chromium.js';

describe('the browser the browser tests drive', () => {
  it('is Debian\'s chromium from the PATH', () => {
    expect(chromiumPath()).toMatch(/chromium$/);
  });

  it('is missing: the tests fail saying how to install it (never skipped, never downloaded)', () => {
    expect(() => chromiumPath({ PATH: '/nonexistent' })).toThrow(/apt-get install -y chromium/);
  });
});
