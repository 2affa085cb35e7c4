import { useState } from 'preact/hooks';
import { ApiError, request } from '../api.js';
import { formatWita } from '../calendar.js';
import { useApp } from '../context.js';
import { term } from '../i18n.js';
import { links } from '../route.js';
import type { TimelineEntry, Verification } from '../types.js';
import { LoadError, Loading, Section } from '../ui/common.js';
import { FileLine } from '../ui/file-attachments.js';
import { useLoad } from '../ui/use-load.js';

type EventView = {
  revision: number;
  type: string;
  data: unknown;
  actor: { sub?: string; name?: string; nip?: string; role?: string } | null;
  role: string | null;
  legalBasis: string[];
  recordedAt: string;
  hash: string;
};

type Timeline = { title?: string; state?: string; kind?: string; entries: TimelineEntry[] };

/** The events as a timeline when the server has no `/timeline` (older builds). */
function timelineOfEvents(events: EventView[]): Timeline {
  return {
    entries: events.map((event) => ({
      revision: event.revision,
      type: event.type,
      command: null,
      recordedAt: event.recordedAt,
      actor: event.actor ? { ...event.actor, ...(event.role ? { role: event.role } : {}) } : null,
      summary: event.type,
      legalBasis: event.legalBasis,
      documents: [],
      hash: event.hash,
    })),
  };
}

const FORMATS = [
  { format: 'json', key: 'exportJson', ext: 'json' },
  { format: 'csv', key: 'exportCsv', ext: 'csv' },
  { format: 'html', key: 'exportHtml', ext: 'html' },
] as const;

export function AuditPage({ id }: { id: string }) {
  const { t, lang, session, docs } = useApp();
  const base = `/selections/${encodeURIComponent(id)}`;
  const has = (template: string) => docs.paths[template]?.get !== undefined;
  const [verification, setVerification] = useState<Verification | undefined>();
  const [verifyError, setVerifyError] = useState<Error | undefined>();
  const [verifying, setVerifying] = useState(false);
  const [exportError, setExportError] = useState<Error | undefined>();

  const timeline = useLoad(async (): Promise<Timeline> => {
    if (has('/selections/{id}/timeline')) {
      return (await request<Timeline>(session, `${base}/timeline`)).data;
    }
    const page = await request<{ events: EventView[] }>(session, `${base}/events?limit=1000`);
    return timelineOfEvents(page.data.events);
  }, [id, session?.token, session?.role]);

  const verify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    setVerification(undefined);
    try {
      setVerification((await request<Verification>(session, `${base}/verify`)).data);
    } catch (error) {
      setVerifyError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setVerifying(false);
    }
  };

  const download = async (format: string, ext: string) => {
    setExportError(undefined);
    try {
      const { data } = await request<Blob>(session, `${base}/export?format=${format}`, { as: 'blob' });
      const url = URL.createObjectURL(data);
      if (format === 'html') {
        window.open(url, '_blank', 'noopener');
      } else {
        const link = document.createElement('a');
        link.href = url;
        link.download = `jejak-${id}.${ext}`;
        document.body.append(link);
        link.click();
        link.remove();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setExportError(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const brokenAt =
    verification && typeof verification.brokenAt === 'object' && verification.brokenAt !== null
      ? verification.brokenAt.revision
      : verification?.brokenAt;

  return (
    <section class="audit">
      <p class="crumbs">
        <a href={links.list()}>{t('navList')}</a> ›{' '}
        <a href={links.selection(id)}>{timeline.data?.title ?? t('selectionTitle')}</a>
      </p>
      <h1>
        {t('auditTitle')}
        {timeline.data?.title ? `: ${timeline.data.title}` : ''}
      </h1>
      <p class="muted">{t('auditIntro')}</p>

      <div class="two-col">
        <Section title={t('verify')} id="verify-title">
          {has('/selections/{id}/verify') ? (
            <>
              <button type="button" id="verify-button" onClick={() => void verify()} disabled={verifying}>
                {verifying ? t('verifying') : t('verify')}
              </button>
              <div aria-live="polite" id="verify-result">
                {verification &&
                  (verification.ok ? (
                    <p class="ok-box" data-ok="true">
                      ✔ {t('verifyOk', { n: verification.eventsChecked ?? '?', hash: String(verification.headHash ?? '').slice(0, 16) })}
                    </p>
                  ) : (
                    <p class="error-box" data-ok="false">
                      ✘ {t('verifyBroken', { at: typeof brokenAt === 'number' ? brokenAt : '?', reason: String(verification.reason ?? '') })}
                    </p>
                  ))}
                {typeof verification?.unverifiedCheckpoints === 'number' && verification.unverifiedCheckpoints > 0 && (
                  <p class="muted" data-unverified={verification.unverifiedCheckpoints}>
                    {t('verifyUnverified', { n: verification.unverifiedCheckpoints })}
                  </p>
                )}
              </div>
              {verifyError && <LoadError error={verifyError} />}
            </>
          ) : (
            <p class="muted">{t('auditUnavailable', { what: 'verify' })}</p>
          )}
        </Section>
        <Section title={t('export')} id="export-title">
          {has('/selections/{id}/export') ? (
            <ul class="button-list">
              {FORMATS.map(({ format, key, ext }) => (
                <li key={format}>
                  <button type="button" class="secondary" data-format={format} onClick={() => void download(format, ext)}>
                    {t(key)}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('auditUnavailable', { what: 'export' })}</p>
          )}
          {exportError && <LoadError error={exportError} />}
        </Section>
      </div>

      <Section title={t('auditTitle')} id="timeline-title">
        {timeline.error && (
          <LoadError
            error={timeline.error}
            onRetry={timeline.error instanceof ApiError && timeline.error.status >= 500 ? timeline.reload : undefined}
          />
        )}
        {timeline.loading && !timeline.data && <Loading />}
        {timeline.data && timeline.data.entries.length === 0 && <p class="muted">{t('noEvents')}</p>}
        {timeline.data && timeline.data.entries.length > 0 && (
          <div class="table-wrap">
            <table class="timeline">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('colTime')}</th>
                  <th scope="col">{t('colActor')}</th>
                  <th scope="col">{t('colEvent')}</th>
                  <th scope="col">{t('colCitation')}</th>
                  <th scope="col">{t('colDocuments')}</th>
                  <th scope="col">{t('colStates')}</th>
                </tr>
              </thead>
              <tbody>
                {timeline.data.entries.map((entry) => (
                  <tr key={entry.revision} data-revision={entry.revision}>
                    <td class="num">{entry.revision}</td>
                    <td>{entry.occurredAtWita ? formatWita(entry.occurredAtWita) : formatWita(entry.recordedAt)}</td>
                    <td>
                      {entry.actor?.name ?? entry.actor?.sub ?? t('none')}
                      {entry.actor?.nip && <span class="small muted"> NIP {entry.actor.nip}</span>}
                      {entry.actor?.role && (
                        <>
                          <br />
                          <span class="role-badge">{entry.actor.role}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <strong>{entry.command ?? entry.type}</strong>
                      <br />
                      <span class="small">{entry.summary}</span>
                    </td>
                    <td>
                      {entry.legalBasis.length === 0 ? (
                        t('none')
                      ) : (
                        <ul class="compact">
                          {entry.legalBasis.map((basis) => (
                            <li key={basis}>
                              <cite>{basis}</cite>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {entry.documents.length === 0 ? (
                        t('none')
                      ) : (
                        <ul class="compact">
                          {entry.documents.map((doc) => (
                            <li key={doc.number}>
                              {doc.issuer} {doc.number} ({doc.date}): {doc.subject}
                              {(doc.files ?? []).map((file, index) => (
                                <span key={file.sha256} class="doc-file">
                                  <br />
                                  <FileLine file={file} n={index + 1} />
                                </span>
                              ))}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td class="small">
                      {entry.stateBefore !== undefined
                        ? `${term(lang, entry.stateBefore)} → ${term(lang, entry.stateAfter ?? '')}`
                        : t('none')}
                      <br />
                      <code class="hash" title={entry.hash}>
                        {entry.hash.slice(0, 12)}…
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </section>
  );
}
