import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, onUnauthorized, request } from './api.js';
import { AppContext, type App, type Notice, type UiConfig } from './context.js';
import { pollHealth, type HealthPoll } from './health-poll.js';
import { LANGS, translator, type Lang } from './i18n.js';
import { AuditPage } from './pages/audit-page.js';
import { CommandPage, OpenSelectionPage } from './pages/command-page.js';
import { SelectionListPage } from './pages/list-page.js';
import { SelectionPage } from './pages/selection-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { parseRoute, type Route } from './route.js';
import type { OpenApiDocument } from './schema.js';
import { loadSession, saveSession, type Session } from './session.js';
import { Header } from './ui/header.js';

const LANG_KEY = 'jejak.lang';

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return LANGS.includes(stored as Lang) ? (stored as Lang) : 'id';
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'signIn':
      return <SignInPage />;
    case 'list':
      return <SelectionListPage />;
    case 'new':
      return <OpenSelectionPage />;
    case 'selection':
      return <SelectionPage id={route.id} />;
    case 'command':
      return <CommandPage id={route.id} type={route.type} />;
    case 'audit':
      return <AuditPage id={route.id} />;
  }
}

function Shell({ config, docs }: { config: UiConfig; docs: OpenApiDocument }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const [hash, setHash] = useState(window.location.hash);
  const [notice, setNotice] = useState<Notice | undefined>();
  const main = useRef<HTMLElement>(null);
  const t = useMemo(() => translator(lang), [lang]);

  // A notice survives the one navigation that follows it (a command recorded -> its selection).
  const keepNotice = useRef(false);
  const notify = useCallback((next: Notice | undefined) => {
    keepNotice.current = next !== undefined;
    setNotice(next);
  }, []);

  useEffect(() => {
    const onHash = () => {
      setHash(window.location.hash);
      if (keepNotice.current) keepNotice.current = false;
      else setNotice(undefined);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);

  const navigate = useCallback((target: string) => {
    if (window.location.hash === target) setHash(target);
    else window.location.hash = target;
  }, []);

  const signOut = useCallback(
    (reason?: string) => {
      saveSession(undefined);
      setSession(undefined);
      notify(reason ? { kind: 'error', text: reason } : undefined);
      navigate('#/masuk');
    },
    [navigate, notify],
  );

  useEffect(() => onUnauthorized(() => signOut(t('sessionExpired'))), [signOut, t]);

  const route = parseRoute(hash, session !== undefined);

  // When Redis (or the store) is down, reminders are paused: say so on every page. Checked once
  // a minute while the tab is visible, and on navigation (health-poll.ts).
  const [down, setDown] = useState<string[]>([]);
  const healthPoll = useRef<HealthPoll | undefined>(undefined);
  useEffect(() => {
    const componentsDown = (body: unknown): string[] => {
      const details = (body as { details?: Record<string, { status?: string }> } | undefined)?.details ?? {};
      return Object.entries(details)
        .filter(([, check]) => check.status === 'down')
        .map(([name]) => name);
    };
    const poll = pollHealth(
      () =>
        void request<unknown>(undefined, '/health').then(
          ({ data }) => setDown(componentsDown(data)),
          (error: unknown) => setDown(error instanceof ApiError ? componentsDown(error.problem) : []),
        ),
      document,
    );
    healthPoll.current = poll;
    return poll.stop;
  }, []);
  useEffect(() => healthPoll.current?.onNavigate(), [hash]);

  // Each new page (not the first load, where Tab must start at the skip link): move focus to its
  // heading, so keyboard and screen-reader users start there.
  const firstPage = useRef(true);
  useEffect(() => {
    const heading = main.current?.querySelector('h1');
    if (firstPage.current) firstPage.current = false;
    else if (heading instanceof HTMLElement) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    document.title = `${heading?.textContent ?? ''} · jejak`;
  }, [hash, session?.role]);

  const app: App = {
    lang,
    t,
    session,
    config,
    docs,
    holidays: new Set(config.holidays.map((h) => h.date)),
    signIn: (next) => {
      saveSession(next);
      setSession(next);
      notify(undefined);
      navigate('#/');
    },
    signOut,
    notify,
    navigate,
  };

  return (
    <AppContext.Provider value={app}>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); main.current?.querySelector('h1')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <Header
        lang={lang}
        onLang={setLang}
        onRole={(role) => {
          if (!session) return;
          const next = { ...session, role };
          saveSession(next);
          setSession(next);
        }}
      />
      <main id="main" ref={main}>
        {down.length > 0 && (
          <p class="notice notice-error" role="status" id="health-banner">
            {t('remindersPaused', { what: down.join(', ') })}
          </p>
        )}
        {notice && (
          <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.text}</span>
            <button type="button" class="link" aria-label="×" onClick={() => setNotice(undefined)}>
              ×
            </button>
          </div>
        )}
        <Page key={`${hash}|${session?.role ?? ''}`} route={route} />
      </main>
    </AppContext.Provider>
  );
}

function Boot() {
  const [loaded, setLoaded] = useState<{ config: UiConfig; docs: OpenApiDocument } | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  const load = useCallback(() => {
    setFailure(undefined);
    Promise.all([
      request<UiConfig>(undefined, '/ui/config.json'),
      request<OpenApiDocument>(undefined, '/docs-json'),
    ])
      .then(([config, docs]) => setLoaded({ config: config.data, docs: docs.data }))
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);

  useEffect(load, [load]);

  if (failure) {
    return (
      <main id="main" class="boot">
        <h1>jejak</h1>
        <p role="alert">{failure}</p>
        <button type="button" onClick={load}>
          Coba lagi / Retry
        </button>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main id="main" class="boot" aria-busy="true">
        <p>Memuat… / Loading…</p>
      </main>
    );
  }
  return <Shell config={loaded.config} docs={loaded.docs} />;
}

const root = document.getElementById('app');
if (root) render(<Boot />, root);
