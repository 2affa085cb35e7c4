import { useState } from 'preact/hooks';
import { request } from '../api.js';
import { witaDate } from '../calendar.js';
import { useApp } from '../context.js';
import { term } from '../i18n.js';
import { deadlineStatus, filledOf, progressOf } from '../progress.js';
import { links } from '../route.js';
import type { SelectionList } from '../types.js';
import { DueText, LoadError, Loading } from '../ui/common.js';
import { useLoad } from '../ui/use-load.js';

const PAGE_SIZE = 50;

export function SelectionListPage() {
  const { t, lang, session, config } = useApp();
  const [kind, setKind] = useState('');
  const [stage, setStage] = useState('');
  const [year, setYear] = useState('');
  const [page, setPage] = useState(1);

  const list = useLoad(async () => {
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (kind) query.set('kind', kind);
    if (stage) query.set('state', stage);
    return (await request<SelectionList>(session, `/selections?${query}`)).data;
  }, [kind, stage, page, session?.token, session?.role]);

  const kinds = Object.keys(config.procedures);
  const stages = [
    ...new Set(
      Object.values(config.procedures).flatMap((meta) =>
        meta.states.filter((state) => state !== 'unopened'),
      ),
    ),
  ];
  const items = (list.data?.items ?? []).filter(
    (item) => year === '' || witaDate(item.openedAt).slice(0, 4) === year,
  );
  const years = [
    ...new Set([
      String(new Date().getUTCFullYear()),
      ...(list.data?.items ?? []).map((item) => witaDate(item.openedAt).slice(0, 4)),
    ]),
  ].sort();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const now = new Date().toISOString();
  const canOpen = Object.values(config.procedures).some((meta) =>
    (meta.commandsByState['unopened'] ?? []).some(
      (command) => command.type === 'OpenSelection' && command.roles.includes(session?.role ?? ''),
    ),
  );

  return (
    <section>
      <div class="page-head">
        <h1>{t('listTitle')}</h1>
        {canOpen && (
          <a class="button" href={links.newSelection()}>
            {t('newSelection')}
          </a>
        )}
      </div>
      <form class="filters" aria-label={t('filterApply')} onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('filterKind')}</span>
          <select
            id="filter-kind"
            value={kind}
            onChange={(e) => {
              setKind((e.currentTarget).value);
              setPage(1);
            }}
          >
            <option value="">{t('filterAll')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {term(lang, k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterStage')}</span>
          <select
            id="filter-stage"
            value={stage}
            onChange={(e) => {
              setStage((e.currentTarget).value);
              setPage(1);
            }}
          >
            <option value="">{t('filterAll')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {term(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterYear')}</span>
          <select
            id="filter-year"
            value={year}
            onChange={(e) => setYear((e.currentTarget).value)}
          >
            <option value="">{t('filterAll')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p class="muted">{t('noSelections')}</p>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="selections" aria-describedby="list-count">
            <caption id="list-count">{t('totalSelections', { n: list.data?.total ?? items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTitle')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colStage')}</th>
                <th scope="col">{t('colProgress')}</th>
                <th scope="col">{t('colFilled')}</th>
                <th scope="col">{t('colNextDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const meta = config.procedures[item.kind];
                const progress = progressOf(item.state, meta, item.stages);
                const { filled, total } = filledOf(item);
                const { next, overdue } = deadlineStatus(item.deadlines ?? [], now);
                return (
                  <tr key={item.id} data-selection-id={item.id} class={overdue.length > 0 ? 'row-overdue' : ''}>
                    <th scope="row">
                      <a href={links.selection(item.id)}>{item.title}</a>
                    </th>
                    <td data-label={t('colKind')}>{term(lang, item.kind)}</td>
                    <td class="stage-cell" data-label={t('colStage')}>
                      <span class={`state state-${item.state}`}>{term(lang, item.state)}</span>
                    </td>
                    <td data-label={t('colProgress')}>
                      <div class="progress-cell">
                        <progress
                          max={progress.total || 1}
                          value={progress.index}
                          aria-label={`${t('colProgress')}: ${t('progressOf', { n: progress.index, total: progress.total })}`}
                        />
                        <span class="small">{t('progressOf', { n: progress.index, total: progress.total })}</span>
                      </div>
                    </td>
                    <td class="num" data-label={t('colFilled')}>
                      {filled} / {total}
                    </td>
                    <td data-label={t('colNextDeadline')}>
                      {overdue.length > 0 && (
                        <p class="overdue-line">
                          <DueText deadline={overdue[overdue.length - 1]!} />
                          <span class="small"> {overdue[overdue.length - 1]!.label}</span>
                        </p>
                      )}
                      {next ? (
                        <p>
                          <DueText deadline={next} />
                          <span class="small"> {next.label}</span>
                        </p>
                      ) : (
                        overdue.length === 0 && <span class="muted">{t('none')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pager" aria-label={t('pageOf', { page, pages })}>
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('pagePrev')}
          </button>
          <span>{t('pageOf', { page, pages })}</span>
          <button type="button" class="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('pageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
