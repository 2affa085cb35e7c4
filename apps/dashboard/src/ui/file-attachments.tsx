// A document's evidence files in a form: pick a file, it is uploaded at once (POST /documents),
// and the form keeps its { sha256, mediaType, size } for the command. 413/415 shown beside it.

import { useState } from 'preact/hooks';
import { ApiError, downloadDocument, formatBytes, uploadDocument, type DocumentFile } from '../api.js';
import { useApp } from '../context.js';

const ACCEPT = 'application/pdf,image/png,image/jpeg';
const TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export function isFileList(schema: { items?: { properties?: Record<string, unknown> } }, name: string): boolean {
  return name === 'files' && schema.items?.properties?.['sha256'] !== undefined;
}

/** One attached file: type, size, short hash, and a download link. */
export function FileLine({ file, n }: { file: DocumentFile; n: number }) {
  const { t, session } = useApp();
  return (
    <span class="file-line">
      {t('attachedFile', { type: TYPES[file.mediaType] ?? file.mediaType, size: formatBytes(file.size) })}{' '}
      <code class="hash" title={file.sha256}>
        {file.sha256.slice(0, 12)}…
      </code>{' '}
      <button type="button" class="link" onClick={() => void downloadDocument(session, file)}>
        {t('downloadFile', { n })}
      </button>
    </span>
  );
}

export function FileAttachments(props: {
  id: string;
  value: unknown;
  onChange: (next: DocumentFile[]) => void;
  messages: string[] | undefined;
}) {
  const { t, session } = useApp();
  const files = Array.isArray(props.value) ? (props.value as DocumentFile[]) : [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const messages = [...(props.messages ?? []), ...(error ? [error] : [])];

  const pick = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      const stored = await uploadDocument(session, chosen, chosen.name);
      if (!files.some((f) => f.sha256 === stored.sha256)) props.onChange([...files, stored]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  return (
    <div class={`field files${messages.length > 0 ? ' invalid' : ''}`}>
      <label for={props.id}>{t('attachFile')}</label>
      <input
        type="file"
        id={props.id}
        accept={ACCEPT}
        disabled={busy}
        aria-invalid={messages.length > 0 ? true : undefined}
        aria-describedby={`${props.id}-hint${messages.length > 0 ? ` ${props.id}-error` : ''}`}
        onChange={(e) => void pick(e.currentTarget)}
      />
      <p class="hint" id={`${props.id}-hint`}>
        {busy ? t('uploading') : t('attachHint', { max: '20 MB' })}
      </p>
      {messages.length > 0 && (
        <p class="field-error" id={`${props.id}-error`} role="alert">
          {messages.join('; ')}
        </p>
      )}
      {files.length > 0 && (
        <ol class="items">
          {files.map((file, index) => (
            <li key={file.sha256} class="item">
              <FileLine file={file} n={index + 1} />{' '}
              <button
                type="button"
                class="link danger"
                onClick={() => props.onChange(files.filter((_, i) => i !== index))}
              >
                {t('removeFile', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
