import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { useApp } from '../context.js';
import { sessionFromToken, type Session } from '../session.js';

export function SignInPage() {
  const { t, config, signIn } = useApp();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  /** The server is the judge: a token is good when a read with it succeeds. */
  const tryToken = async (raw: string) => {
    const session = sessionFromToken(raw);
    if (!session) {
      setError(t('tokenMalformed'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await request<unknown>(session, '/selections?page=1&pageSize=1', { keepSessionOn401: true });
      signIn(session);
    } catch (failure) {
      // 403: the token is good, its role just reads no selection (ADMIN): signed in all the same.
      if (failure instanceof ApiError && failure.status === 403) {
        signIn(session);
        return;
      }
      setError(
        failure instanceof ApiError && failure.status === 401
          ? t('tokenInvalid')
          : failure instanceof Error
            ? failure.message
            : String(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  const demo = async (role: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await request<{ token: string }>(undefined, '/auth/demo-token', {
        method: 'POST',
        body: { role },
      });
      const session: Session | undefined = sessionFromToken(data.token, role);
      if (session) signIn(session);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <h1>{t('signInTitle')}</h1>
      {error && (
        <p class="error-box" role="alert" id="sign-in-error">
          {error}
        </p>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void tryToken(token);
        }}
      >
        <p>{t('signInIntro')}</p>
        <div class="field">
          <label for="token">{t('tokenLabel')}</label>
          <textarea
            id="token"
            name="token"
            rows={4}
            spellcheck={false}
            autocomplete="off"
            aria-describedby="token-hint"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
          />
          <p class="hint" id="token-hint">
            {t('tokenHint')}
          </p>
        </div>
        <button type="submit" disabled={busy || token.trim() === ''}>
          {t('signInButton')}
        </button>
      </form>
      {config.demoSignIn && (
        <section class="card" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('demoTitle')}</h2>
          <p>{t('demoIntro')}</p>
          <ul class="button-list">
            {config.demoRoles.map((role) => (
              <li key={role}>
                <button
                  type="button"
                  class="secondary"
                  data-role={role}
                  disabled={busy}
                  onClick={() => void demo(role)}
                >
                  {t('demoAs', { role })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
