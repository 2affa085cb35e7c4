import { MESSAGE_CATALOGUE } from './message-catalogue.js';

/** The languages rule messages are written in: Bahasa Indonesia first, English second. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

/** The values a message names: posts, applications, dates, counts, documents. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A rule message as the domain reports it: a catalogue key and its parameters, no prose. */
export type RuleMessage = { readonly key: string; readonly params: MessageParams };

/** One catalogue entry: the sentence in each language, built from the parameters. */
export type MessageTemplates = Readonly<Record<Language, (params: MessageParams) => string>>;

export const ruleMessage = (key: string, params: MessageParams = {}): RuleMessage => ({
  key,
  params,
});

/** Said when a key is missing from the catalogue (a test keeps every used key there). */
const UNKNOWN: Readonly<Record<Language, string>> = {
  id: 'Aturan ini dilanggar.',
  en: 'This rule is broken.',
};

/** The message in `language`; never throws (rules never throw). */
export function renderMessage(message: RuleMessage, language: Language): string {
  const entry = MESSAGE_CATALOGUE[message.key];
  return entry ? entry[language](message.params) : UNKNOWN[language];
}

/**
 * The language of an `Accept-Language` header: the first listed tag (by quality) whose primary
 * subtag is one we write, else Indonesian. `en-US;q=0.8, id` gives `id`; `fr` gives `id`.
 */
export function languageOf(acceptLanguage: string | readonly string[] | undefined): Language {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (typeof header !== 'string' || header.trim() === '') return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((t) => Number.isFinite(t.quality) && t.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const hit = ranked.find((t) => (LANGUAGES as readonly string[]).includes(t.primary));
  return (hit?.primary as Language | undefined) ?? DEFAULT_LANGUAGE;
}

/** A violation as read in `language`: the catalogue text when it has a key, else its own. */
export function localizeViolation<
  V extends { message: string; messageKey?: string; params?: MessageParams },
>(violation: V, language: Language): V {
  if (violation.messageKey === undefined) return violation;
  return {
    ...violation,
    message: renderMessage({ key: violation.messageKey, params: violation.params ?? {} }, language),
  };
}
