import { useMemo, useState } from 'preact/hooks';
import { newIdempotencyKey, request } from '../api.js';
import { useApp } from '../context.js';
import { commandLabel, term } from '../i18n.js';
import { links } from '../route.js';
import { commandDoc, openSelectionDocs } from '../schema.js';
import type { CommandResult, SelectionDetail } from '../types.js';
import { CommandForm } from '../ui/command-form.js';
import { LoadError, Loading } from '../ui/common.js';
import { useLoad } from '../ui/use-load.js';


export function CommandPage({ id, type }: { id: string; type: string }) {
  const { t, lang, session, docs, navigate, notify } = useApp();
  const detail = useLoad(async () => {
    const response = await request<SelectionDetail>(session, `/selections/${encodeURIComponent(id)}`);
    return { selection: response.data, etag: response.etag };
  }, [id, session?.token, session?.role]);
  // One key per page visit: a retried submission (network drop) is recorded at most once.
  const idempotencyKey = useMemo(newIdempotencyKey, []);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const { selection, etag } = detail.data;
  const command = commandDoc(docs, type, selection.kind);

  return (
    <section class="narrow-wide">
      <p class="crumbs">
        <a href={links.list()}>{t('navList')}</a> › <a href={links.selection(id)}>{selection.title}</a>
      </p>
      <h1>
        {commandLabel(lang, type)} <code class="command-name">{type}</code>
      </h1>
      <p class="muted">
        {t('formFor', { title: selection.title })} · {t('state')}: {term(lang, selection.state)} · {t('revision')}{' '}
        {selection.revision}
      </p>
      {!command ? (
        <p class="error-box" role="alert">
          {t('noSchema')}
        </p>
      ) : (
        <>
          {command.roles.length > 0 && <p>{t('formRoles', { roles: command.roles.join(', ') })}</p>}
          {command.rules.length > 0 && (
            <details class="rules">
              <summary>{t('formRules')}</summary>
              <ul>
                {command.rules.map((rule) => (
                  <li key={rule.id}>
                    <strong>{rule.id}</strong> — <cite>{rule.citation}</cite>
                  </li>
                ))}
              </ul>
            </details>
          )}
          <CommandForm
            schema={command.schema}
            submit={async (body) => {
              const { data } = await request<CommandResult>(
                session,
                `/selections/${encodeURIComponent(id)}/commands/${encodeURIComponent(type)}`,
                {
                  method: 'POST',
                  body,
                  headers: {
                    'idempotency-key': idempotencyKey,
                    ...(etag ? { 'if-match': etag } : {}),
                  },
                },
              );
              notify({
                kind: 'success',
                text: t('recorded', {
                  events: data.events.map((e) => e.type).join(', '),
                  revision: data.revision,
                  state: term(lang, data.state),
                }),
              });
              navigate(links.selection(id));
            }}
          />
        </>
      )}
    </section>
  );
}

export function OpenSelectionPage() {
  const { t, lang, session, docs, navigate, notify } = useApp();
  const variants = openSelectionDocs(docs);
  const [kind, setKind] = useState(variants[0]?.kind ?? '');
  const idempotencyKey = useMemo(newIdempotencyKey, []);
  const chosen = variants.find((v) => v.kind === kind);

  return (
    <section class="narrow-wide">
      <p class="crumbs">
        <a href={links.list()}>{t('navList')}</a>
      </p>
      <h1>{t('newSelection')}</h1>
      {variants.length === 0 && (
        <p class="error-box" role="alert">
          {t('noSchema')}
        </p>
      )}
      {variants.length > 1 && (
        <fieldset class="group kinds">
          <legend>{t('chooseKind')}</legend>
          {variants.map((variant) => (
            <label key={variant.kind} class="radio">
              <input
                type="radio"
                name="kind"
                value={variant.kind}
                checked={variant.kind === kind}
                onChange={() => setKind(variant.kind)}
              />
              {term(lang, variant.kind)}
            </label>
          ))}
        </fieldset>
      )}
      {chosen && (
        <CommandForm
          key={chosen.kind}
          schema={chosen.schema}
          submit={async (body) => {
            const { data } = await request<{ id: string; state: string; revision: number }>(
              session,
              '/selections',
              {
                method: 'POST',
                body: { kind: chosen.kind, ...body },
                headers: { 'idempotency-key': `${idempotencyKey}-${chosen.kind}` },
              },
            );
            notify({
              kind: 'success',
              text: t('recorded', { events: 'SelectionOpened', revision: data.revision, state: term(lang, data.state) }),
            });
            navigate(links.selection(data.id));
          }}
        />
      )}
    </section>
  );
}
