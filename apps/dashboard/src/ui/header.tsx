import { ApiError, apiUrl, request } from '../api.js';
import { useApp } from '../context.js';
import { LANGS, type Lang } from '../i18n.js';
import { links } from '../route.js';

export function Header({
  lang,
  onLang,
  onRole,
}: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  onRole: (role: string) => void;
}) {
  const { t, session, signOut, notify } = useApp();
  // Bull Board is a page of its own: trade the bearer token for its HttpOnly session cookie
  // (Path=/admin, SameSite=Strict), then go there.
  const openQueues = () => {
    if (!session) return;
    request(session, '/admin/session', { method: 'POST' }).then(
      () => window.location.assign(apiUrl('/admin/queues')),
      (error: unknown) =>
        notify({
          kind: 'error',
          text: t('adminQueuesUnavailable', {
            reason: error instanceof ApiError ? error.message : String(error),
          }),
        }),
    );
  };
  return (
    <header class="top">
      <div class="brand">
        <a href={links.list()} class="brand-name">
          {t('appName')}
        </a>
        <span class="brand-tagline">{t('appTagline')}</span>
      </div>
      <nav aria-label={t('navList')}>
        {session ? (
          <ul class="nav">
            <li>
              <a href={links.list()}>{t('navList')}</a>
            </li>
            {session.role === 'ADMIN' && (
              <li>
                <a
                  id="admin-queues"
                  href={apiUrl('/admin/queues')}
                  onClick={(event) => {
                    event.preventDefault();
                    openQueues();
                  }}
                >
                  {t('adminQueues')}
                </a>
              </li>
            )}
          </ul>
        ) : null}
      </nav>
      <div class="top-tools">
        {session && (
          <span class="who">
            <span class="who-name">{t('signedInAs', { name: session.claims.name })}</span>
            {session.claims.roles.length > 1 ? (
              <label class="inline">
                <span>{t('actingRole')}</span>
                <select
                  id="acting-role"
                  value={session.role}
                  onChange={(e) => onRole((e.currentTarget).value)}
                >
                  {session.claims.roles.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span class="role-badge" title={t('actingRole')}>
                {session.role}
              </span>
            )}
          </span>
        )}
        <div class="lang" role="group" aria-label={t('language')}>
          {LANGS.map((code) => (
            <button
              key={code}
              type="button"
              class="lang-button"
              aria-pressed={code === lang}
              lang={code}
              onClick={() => onLang(code)}
            >
              {code === 'id' ? 'Bahasa Indonesia' : 'English'}
            </button>
          ))}
        </div>
        {session && (
          <button type="button" class="secondary" onClick={() => signOut()}>
            {t('signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
