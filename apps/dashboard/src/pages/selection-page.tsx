import { ApiError, request } from '../api.js';
import { formatWita, witaDate } from '../calendar.js';
import { useApp } from '../context.js';
import { commandLabel, term } from '../i18n.js';
import { candidatesOf, filledOf, progressOf, stageLate } from '../progress.js';
import { links } from '../route.js';
import type { HistoricState, ReminderRecord, SelectionDetail } from '../types.js';
import { DueText, LoadError, Loading, Section } from '../ui/common.js';
import { StateDiagram } from '../ui/state-diagram.js';
import { useLoad } from '../ui/use-load.js';

const READ_ONLY = new Set(['AUDITOR', 'ADMIN']);

/** The reminder records of `GET /selections/:id/reminders`: an array, or the first array member. */
function rowsOf(data: unknown): ReminderRecord[] {
  if (Array.isArray(data)) return data as ReminderRecord[];
  if (data !== null && typeof data === 'object') {
    const list = Object.values(data).find(Array.isArray);
    if (list) return list as ReminderRecord[];
  }
  return [];
}

export function SelectionPage({ id }: { id: string }) {
  const { t, lang, session, config, docs } = useApp();
  const path = `/selections/${encodeURIComponent(id)}`;
  const has = (template: string) => docs.paths[template]?.get !== undefined;

  const detail = useLoad(
    async () => (await request<SelectionDetail>(session, path)).data,
    [id, session?.token, session?.role],
  );
  // A role that may not read personal data (403: ASESOR, SEKDA) sees the selection without them.
  const state = useLoad(async () => {
    if (!has('/selections/{id}/state') || !detail.data) return undefined;
    try {
      return (await request<HistoricState>(session, `${path}/state?revision=${detail.data?.revision ?? 0}`)).data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return undefined;
      throw error;
    }
  }, [id, detail.data?.revision]);
  const reminders = useLoad(async () => {
    if (!has('/selections/{id}/reminders')) return undefined;
    try {
      return (await request<unknown>(session, `${path}/reminders`)).data;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return undefined;
      throw error;
    }
  }, [id, detail.data?.revision]);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading />;
  const selection = detail.data;
  const meta = config.procedures[selection.kind];
  const progress = progressOf(selection.state, meta, selection.stages);
  const { filled, total } = filledOf(selection);
  const today = witaDate(Date.now());
  const role = session?.role ?? '';
  const reminderRows = rowsOf(reminders.data);
  const deadlines = [...selection.overdueDeadlines, ...selection.upcomingDeadlines];

  return (
    <article class="selection" data-selection-id={selection.id} data-state={selection.state}>
      <p class="crumbs">
        <a href={links.list()}>{t('navList')}</a>
      </p>
      <div class="page-head">
        <h1>{selection.title}</h1>
        <a class="button secondary" href={links.audit(selection.id)}>
          {t('auditLink')}
        </a>
      </div>
      <dl class="facts">
        <div>
          <dt>{t('kind')}</dt>
          <dd>{term(lang, selection.kind)}</dd>
        </div>
        <div>
          <dt>{t('state')}</dt>
          <dd>
            <span class={`state state-${selection.state}`} id="selection-state">
              {term(lang, selection.state)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('colProgress')}</dt>
          <dd>
            <progress max={progress.total || 1} value={progress.index} aria-label={t('progressOf', { n: progress.index, total: progress.total })} />{' '}
            <span class="small">{t('progressOf', { n: progress.index, total: progress.total })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('vacanciesFilled')}</dt>
          <dd>
            {filled} / {total}
          </dd>
        </div>
        <div>
          <dt>{t('revision')}</dt>
          <dd>{selection.revision}</dd>
        </div>
        <div>
          <dt>{t('openedAt')}</dt>
          <dd>{formatWita(selection.openedAt)}</dd>
        </div>
      </dl>

      <Section title={t('actionsTitle', { role })} id="actions-title">
        {READ_ONLY.has(role) ? (
          <p>{t('readOnlyRole', { role })}</p>
        ) : selection.availableCommands.length === 0 ? (
          <p class="muted">{t('noActions', { role })}</p>
        ) : (
          <ul class="button-list" id="actions">
            {selection.availableCommands.map((type) => (
              <li key={type}>
                <a class="button" href={links.command(selection.id, type)} data-command={type}>
                  {commandLabel(lang, type)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <div class="two-col">
        <Section title={t('timelineTitle')} id="stages-title">
          <div class="table-wrap">
            <table class="stages">
              <thead>
                <tr>
                  <th scope="col">{t('colStage')}</th>
                  <th scope="col">{t('colPlanned')}</th>
                  <th scope="col">{t('colActual')}</th>
                </tr>
              </thead>
              <tbody>
                {(meta?.stages ?? Object.keys(selection.stages)).map((stage) => {
                  const dates = selection.stages[stage] ?? {};
                  const isCurrent = stage === selection.state;
                  const late = stageLate(dates.planned, dates.actual, today) && !dates.actual;
                  return (
                    <tr key={stage} class={`${isCurrent ? 'current' : ''}${late ? ' row-overdue' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
                      <th scope="row">
                        {term(lang, stage)}
                        {isCurrent && <span class="tag">{t('current')}</span>}
                      </th>
                      <td>
                        {dates.planned ?? t('none')}
                        {late && (
                          <span class="overdue-text">
                            {' '}
                            ● {t('overdueMark')}
                          </span>
                        )}
                      </td>
                      <td>
                        {dates.actual ?? t('none')}
                        {stageLate(dates.planned, dates.actual, today) && dates.actual && (
                          <span class="small late"> ({t('late')})</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
        <Section title={t('diagramTitle')} id="diagram-section-title">
          {meta ? <StateDiagram meta={meta} current={selection.state} /> : <p>{term(lang, selection.state)}</p>}
        </Section>
      </div>

      <Section title={t('vacanciesTitle')} id="vacancies-title">
        {selection.vacancies.length === 0 ? (
          <p class="muted">{t('noVacancies')}</p>
        ) : (
          <div class="table-wrap">
            <table class="vacancies">
              <thead>
                <tr>
                  <th scope="col">{t('colVacancy')}</th>
                  <th scope="col">{t('colSubStatus')}</th>
                  <th scope="col">{t('colCandidates')}</th>
                </tr>
              </thead>
              <tbody>
                {selection.vacancies.map((vacancy) => {
                  const people = candidatesOf(state.data?.context, vacancy.vacancyId);
                  return (
                    <tr key={vacancy.vacancyId} data-vacancy-id={vacancy.vacancyId}>
                      <th scope="row">
                        {vacancy.title} <span class="small muted">({vacancy.vacancyId})</span>
                      </th>
                      <td>
                        <span class={`sub sub-${vacancy.status.replace(/\W.*$/, '')}`}>{term(lang, vacancy.status)}</span>
                      </td>
                      <td>{people.length === 0 ? t('none') : people.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <div class="two-col">
        <Section title={t('deadlinesTitle')} id="deadlines-title">
          {deadlines.length === 0 ? (
            <p class="muted">{t('noDeadlines')}</p>
          ) : (
            <ul class="deadlines">
              {deadlines.map((deadline) => (
                <li key={deadline.deadlineId} class={selection.overdueDeadlines.includes(deadline) ? 'overdue-item' : ''}>
                  <strong>{deadline.label}</strong>{' '}
                  <span class="small muted">({term(lang, deadline.kind)})</span>
                  <br />
                  <DueText deadline={deadline} />
                  {deadline.legalBasis && (
                    <>
                      <br />
                      <cite class="small">{deadline.legalBasis}</cite>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t('remindersTitle')} id="reminders-title">
          {reminders.error ? (
            <LoadError error={reminders.error} onRetry={reminders.reload} />
          ) : reminders.data === undefined ? (
            <p class="muted">{reminders.loading ? t('loading') : t('remindersUnavailable')}</p>
          ) : reminderRows.length === 0 ? (
            <p class="muted">{t('noReminders')}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('colWhat')}</th>
                    <th scope="col">{t('colChannel')}</th>
                    <th scope="col">{t('colStatus')}</th>
                    <th scope="col">{t('colAttempts')}</th>
                    <th scope="col">{t('colWhen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {reminderRows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {row.deadlineId}
                        {row.offset ? ` (${row.offset})` : ''}
                      </td>
                      <td>{row.channel}</td>
                      <td>{term(lang, row.status)}</td>
                      <td class="num">{row.attempts}</td>
                      <td>{formatWita(row.sentAt ?? row.lastAttemptAt ?? row.fireAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
    </article>
  );
}
