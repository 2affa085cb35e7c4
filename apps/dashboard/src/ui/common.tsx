import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.js';
import { workingDaysUntil, formatWita, witaDate } from '../calendar.js';
import { useApp } from '../context.js';
import type { Deadline } from '../types.js';

export function Loading() {
  const { t } = useApp();
  return (
    <p class="muted" aria-busy="true">
      {t('loading')}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useApp();
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <div class="error-box" role="alert">
      <p>{status ? t('errorsOther', { status, detail: error.message }) : error.message}</p>
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** `2024-05-29 23:59 WITA · 3 hari kerja lagi`, red with a mark when overdue. */
export function DueText({ deadline }: { deadline: Deadline }) {
  const { t, holidays } = useApp();
  const today = witaDate(Date.now());
  const due = witaDate(deadline.dueAt);
  const overdue = deadline.dueAt < new Date().toISOString();
  const days = workingDaysUntil(today, due, holidays);
  const left = overdue
    ? t('workingDaysLate', { n: Math.abs(days) })
    : due === today
      ? t('dueToday')
      : t('workingDaysLeft', { n: days });
  return (
    <span class={overdue ? 'due overdue' : 'due'}>
      {overdue && (
        <span class="overdue-mark" aria-hidden="true">
          ●{' '}
        </span>
      )}
      <time dateTime={deadline.dueAt}>{formatWita(deadline.dueAt)}</time>
      <span class="due-left">
        {' · '}
        {overdue && <strong>{t('overdueMark')}: </strong>}
        {left}
      </span>
    </span>
  );
}
