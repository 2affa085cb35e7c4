// One generic form for every command: fields drawn from the command's JSON schema (as resolved by
// schema.ts), the API's 400 errors shown beside the field they name.

import type { ComponentChildren } from 'preact';
import { useApp } from '../context.js';
import { fieldLabel, term } from '../i18n.js';
import { FileAttachments, isFileList } from './file-attachments.js';
import {
  fieldId,
  fieldKind,
  getAt,
  initialValue,
  pathKey,
  setAt,
  type FormValue,
  type Path,
  type Schema,
} from '../schema.js';

type FieldProps = {
  schema: Schema;
  name: string;
  path: Path;
  required: boolean;
  root: FormValue;
  onChange: (next: FormValue) => void;
  errors: Map<string, string[]>;
};

function ErrorText({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages || messages.length === 0) return null;
  return (
    <p class="field-error" id={id}>
      {messages.join('; ')}
    </p>
  );
}

function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <p class="hint" id={id}>
      {children}
    </p>
  );
}

function itemName(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

export function SchemaFields(props: FieldProps) {
  const { schema, name, path, required, root, onChange, errors } = props;
  const { t, lang } = useApp();
  const kind = fieldKind(schema, name);
  const key = pathKey(path);
  const id = fieldId(path);
  const value = getAt(root, path);
  const messages = errors.get(key);
  const set = (next: FormValue) => onChange(setAt(root, path, next));
  const label = typeof path[path.length - 1] === 'number' ? `${fieldLabel(lang, itemName(name))} ${Number(path[path.length - 1]) + 1}` : fieldLabel(lang, name);
  const describedBy = [schema.description || kind === 'date' || kind === 'datetime' ? `${id}-hint` : '', messages ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const mark = required ? (
    <span class="req" aria-hidden="true">
      {' '}*
    </span>
  ) : (
    <span class="opt"> ({t('optional')})</span>
  );
  const hintText = [
    kind === 'date' ? t('dateWita') : kind === 'datetime' ? t('dateTimeWita') : '',
    schema.description ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  const common = {
    id,
    name: key,
    'aria-invalid': messages ? true : undefined,
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };

  if (kind === 'object') {
    const properties = Object.entries(schema.properties ?? {});
    const requiredNames = new Set(schema.required ?? []);
    const body = properties.map(([child, childSchema]) => (
      <SchemaFields
        key={child}
        {...props}
        schema={childSchema}
        name={child}
        path={[...path, child]}
        required={requiredNames.has(child)}
      />
    ));
    if (path.length === 0) return <div class="fields">{body}</div>;
    return (
      <fieldset class="group" id={id} aria-describedby={describedBy || undefined}>
        <legend>
          {label}
          {mark}
        </legend>
        {hintText && <Hint id={`${id}-hint`}>{hintText}</Hint>}
        <ErrorText id={`${id}-error`} messages={messages} />
        {body}
      </fieldset>
    );
  }

  if (kind === 'array' && isFileList(schema, name)) {
    return <FileAttachments id={id} value={value} onChange={(next) => set(next)} messages={messages} />;
  }

  if (kind === 'array') {
    const list = Array.isArray(value) ? value : [];
    const items = schema.items ?? {};
    const what = fieldLabel(lang, itemName(name)).toLowerCase();
    return (
      <fieldset class="group list" id={id} aria-describedby={describedBy || undefined}>
        <legend>
          {label}
          {mark}
        </legend>
        {hintText && <Hint id={`${id}-hint`}>{hintText}</Hint>}
        <ErrorText id={`${id}-error`} messages={messages} />
        <ol class="items">
          {list.map((_, index) => (
            <li key={index} class="item">
              <SchemaFields {...props} schema={items} name={name} path={[...path, index]} required={true} />
              <button
                type="button"
                class="link danger"
                onClick={() => set(list.filter((__, i) => i !== index))}
              >
                {t('removeItem', { what, n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          class="secondary"
          id={`${id}-add`}
          disabled={schema.maxItems !== undefined && list.length >= schema.maxItems}
          onClick={() => set([...(list as unknown[]), initialValue(items)])}
        >
          {t('addItem', { what })}
        </button>
      </fieldset>
    );
  }

  const text = (v: FormValue) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  let input: ComponentChildren;
  switch (kind) {
    case 'boolean':
      return (
        <div class={`field check${messages ? ' invalid' : ''}`}>
          <input
            type="checkbox"
            {...common}
            checked={value === true}
            onChange={(e) => set((e.currentTarget).checked)}
          />
          <label for={id}>
            {label}
            {required ? null : mark}
          </label>
          {hintText && <Hint id={`${id}-hint`}>{hintText}</Hint>}
          <ErrorText id={`${id}-error`} messages={messages} />
        </div>
      );
    case 'select':
      input = (
        <select {...common} value={text(value)} onChange={(e) => set((e.currentTarget).value)}>
          <option value="">—</option>
          {(schema.enum ?? []).map((option) => (
            <option key={String(option)} value={String(option)}>
              {term(lang, String(option)) === String(option) ? String(option) : `${term(lang, String(option))} (${String(option)})`}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
      input = (
        <textarea
          {...common}
          rows={3}
          maxLength={schema.maxLength}
          value={text(value)}
          onInput={(e) => set((e.currentTarget).value)}
        />
      );
      break;
    case 'json':
      input = (
        <textarea
          {...common}
          rows={4}
          class="mono"
          spellcheck={false}
          value={text(value)}
          onInput={(e) => set((e.currentTarget).value)}
        />
      );
      break;
    default: {
      const type: string =
        kind === 'date'
          ? 'date'
          : kind === 'datetime'
            ? 'datetime-local'
            : kind === 'number' || kind === 'integer'
              ? 'number'
              : 'text';
      input = (
        <input
          {...common}
          type={type as 'text'}
          step={kind === 'integer' ? 1 : kind === 'number' ? 'any' : undefined}
          min={schema.minimum}
          max={schema.maximum}
          maxLength={schema.maxLength}
          pattern={schema.pattern}
          placeholder={typeof schema.example === 'string' || typeof schema.example === 'number' ? String(schema.example) : undefined}
          value={text(value)}
          onInput={(e) => set((e.currentTarget).value)}
        />
      );
    }
  }
  return (
    <div class={`field${messages ? ' invalid' : ''}`}>
      <label for={id}>
        {kind === 'json' ? t('jsonField', { label }) : label}
        {mark}
      </label>
      {input}
      {hintText && <Hint id={`${id}-hint`}>{hintText}</Hint>}
      <ErrorText id={`${id}-error`} messages={messages} />
    </div>
  );
}
