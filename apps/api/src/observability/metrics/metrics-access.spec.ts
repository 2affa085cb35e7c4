import { checkMetricsAccess, isLoopback } from './metrics-access.js';

describe('checkMetricsAccess', () => {
  describe('when METRICS_TOKEN is set', () => {
    const token = 'scrape-me';

    it('allows a bearer of the token from any address', () => {
      expect(
        checkMetricsAccess({ remoteAddress: '10.1.2.3', authorization: 'Bearer scrape-me' }, token),
      ).toEqual({ allowed: true });
    });

    it('refuses a wrong token with 401', () => {
      const access = checkMetricsAccess(
        { remoteAddress: '10.1.2.3', authorization: 'Bearer scrape-you' },
        token,
      );
      expect(access).toMatchObject({ allowed: false, status: 401 });
    });

    it('refuses a loopback client without the token: the token, once set, is always required', () => {
      const access = checkMetricsAccess(
        { remoteAddress: '127.0.0.1', authorization: undefined },
        token,
      );
      expect(access).toMatchObject({ allowed: false, status: 401 });
    });
  });

  describe('when METRICS_TOKEN is not set', () => {
    it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])(
      'allows the loopback client %s',
      (address) => {
        expect(
          checkMetricsAccess({ remoteAddress: address, authorization: undefined }, undefined),
        ).toEqual({ allowed: true });
      },
    );

    it('refuses any other client with 403, whatever it sends', () => {
      const access = checkMetricsAccess(
        { remoteAddress: '192.168.1.20', authorization: 'Bearer anything' },
        undefined,
      );
      expect(access).toMatchObject({ allowed: false, status: 403 });
    });

    it('treats an empty token as not set', () => {
      expect(
        checkMetricsAccess({ remoteAddress: '10.0.0.9', authorization: 'Bearer ' }, ''),
      ).toMatchObject({
        allowed: false,
        status: 403,
      });
    });
  });

  it('does not take 127.0.0.1 inside another address for loopback', () => {
    expect(isLoopback('10.127.0.0.1')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});
