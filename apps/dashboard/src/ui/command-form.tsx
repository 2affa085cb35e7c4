import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, type Problem } from '../api.js';
import { useApp } from '../context.js';
import { fieldLabel, term } from '../i18n.js';
import {
  cleanValue,
  errorsByField,
  fieldId,
  fieldPaths,
  initialValue,
  pathKey,
  type FormValue,
  type Schema,
} from '../schema.js';
import { SchemaFields } from './schema-form.js';

/** What the API said no with, in words: field errors, broken rules, the step that comes first. */
export function ProblemView({
  problem,
  fieldLinks,
}: {
  problem: Problem;
  fieldLinks: Map<string, string>;
}) {
  const { t, lang, session } = useApp();
  const { status } = problem;
  if (status === 400 && problem.errors) {
    return (
      <div class="error-box" role="alert" id="form-problem" data-status="400">
        <p>{t('errors400')}</p>
        <ul>
          {problem.errors.map((error) => {
            const target = fieldLinks.get(error.field);
            const text = `${error.field}: ${error.messages.join('; ')}`;
            return (
              <li key={error.field}>
                {target ? (
                  <a
                    href={`#${target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(target)?.focus();
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      </div>
    );
  }
  if (status === 422 && problem.violations) {
    return (
      <div class="error-box" role="alert" id="form-problem" data-status="422">
        <p>{t('errors422')}</p>
        <ul class="violations">
          {problem.violations.map((v, i) => (
            <li key={`${v.rule}-${i}`} data-rule={v.rule}>
              <strong class="rule-id">{v.rule}</strong>: {v.message}
              <br />
              <cite class="citation">{v.citation}</cite>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (status === 409) {
    const race = problem.currentRevision !== undefined && problem.state === undefined;
    return (
      <div class="error-box" role="alert" id="form-problem" data-status="409">
        {race ? (
          <p>{t('errors409Race', { revision: String(problem.currentRevision ?? '') })}</p>
        ) : (
          <>
            <p>{t('errors409', { state: term(lang, problem.state ?? '?') })}</p>
            {problem.acceptedCommands && problem.acceptedCommands.length > 0 && (
              <p>{t('errors409Next', { commands: problem.acceptedCommands.join(', ') })}</p>
            )}
          </>
        )}
        {problem.detail && <p class="small">{problem.detail}</p>}
      </div>
    );
  }
  const text =
    status === 403
      ? t('errors403', { role: session?.role ?? '', roles: (problem.allowedRoles ?? []).join(', ') })
      : status === 412
        ? t('errors412')
        : status === 401
          ? t('errors401')
          : t('errorsOther', { status, detail: problem.detail ?? problem.title ?? '' });
  return (
    <div class="error-box" role="alert" id="form-problem" data-status={String(status)}>
      <p>{text}</p>
      {status === 422 && problem.detail && <p class="small">{problem.detail}</p>}
    </div>
  );
}

/**
 * A form for one schema: fields, a submit button, the API's answer. `submit` gets the cleaned
 * body and throws ApiError on a problem (nothing was recorded then: the form keeps its values).
 */
export function CommandForm({
  schema,
  submit,
  submitLabel,
}: {
  schema: Schema;
  submit: (body: Record<string, unknown>) => Promise<void>;
  submitLabel?: string;
}) {
  const { t, lang } = useApp();
  const [value, setValue] = useState<FormValue>(() => initialValue(schema));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);

  const errors = useMemo(() => errorsByField(problem?.errors ?? []), [problem]);
  const fieldLinks = useMemo(() => {
    const links = new Map<string, string>();
    for (const path of fieldPaths(schema, value)) links.set(pathKey(path), fieldId(path));
    return links;
  }, [schema, value]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const body = (cleanValue(schema, value) ?? {}) as Record<string, unknown>;
      await submit(body);
    } catch (failure) {
      setProblem(
        failure instanceof ApiError
          ? failure.problem
          : { status: 0, detail: failure instanceof Error ? failure.message : String(failure) },
      );
      requestAnimationFrame(() => problemRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const required = new Set(schema.required ?? []);
  const hasFields = Object.keys(schema.properties ?? {}).length > 0;
  return (
    <form class="command-form card" noValidate onSubmit={(e) => void onSubmit(e)} aria-busy={busy}>
      <div ref={problemRef} tabIndex={-1} class="problem-anchor">
        {problem && <ProblemView problem={problem} fieldLinks={fieldLinks} />}
      </div>
      {hasFields &&
        Object.entries(schema.properties ?? {}).map(([name, prop]) => (
          <SchemaFields
            key={name}
            schema={prop}
            name={name}
            path={[name]}
            required={required.has(name)}
            root={value}
            onChange={setValue}
            errors={errors}
          />
        ))}
      {errors.get('(body)') && <p class="field-error">{errors.get('(body)')!.join('; ')}</p>}
      <p class="small muted">
        <span aria-hidden="true">*</span> = {t('required')} · {fieldLabel(lang, 'date')}: WITA
      </p>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('submitting') : (submitLabel ?? t('submit'))}
        </button>
      </div>
    </form>
  );
}
