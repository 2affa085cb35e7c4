import { MESSAGE_CATALOGUE } from './core/message-catalogue.js';
import {
  LANGUAGES,
  languageOf,
  localizeViolation,
  renderMessage,
  ruleMessage,
  type MessageParams,
} from './core/messages.js';
import { violationOf } from './core/rule.js';
import { EVENT_RULES, JPTP_RULES } from './jptp-open-selection/jptp.rules.js';
import { PERGUB113_RULES } from './pergub-113-filling/pergub113.rules.js';

// The one catalogue of rule messages: every entry in Bahasa Indonesia and English, for a rule that
// exists, in words a person reads (no identifier of the code), and the Accept-Language choice.

const RULE_IDS = new Set([
  ...JPTP_RULES.map((r) => r.id),
  ...Object.values(EVENT_RULES).flatMap((rules) => rules.map((r) => r.id)),
  ...PERGUB113_RULES.map((r) => r.id),
]);

/**
 * Rules whose checks still report plain text (not yet a catalogue key): their messages are in one
 * language only. Remove an id here when its messages move into the catalogue (docs/domain.md §7).
 */
const PLAIN_TEXT_RULES = new Set([
  'A-AUTH',
  'A-BASIS',
  'A-CFG',
  'A-ELIG',
  'A-GATE',
  'A-INAUG',
  'A-MIN',
  'A-ONEPOST',
  'A-PANSEL',
  'A-PICK',
  'A-RECORD',
  'A-SUPV',
  'A-THREE',
  'A-VAC',
  'A-WINDOW',
  'B-360',
  'B-3X',
  'B-ELIG',
  'B-INAUG',
  'B-LIST',
  'B-MAP',
  'B-PICK',
  'B-REPORT',
  'B-SEKR',
  'B-THREE',
  'B-TPK',
  'B-VAC',
]);

/** camelCase or PascalCase-with-inner-capital words: `vacancyId`, `registrationClosed`. */
const IDENTIFIER = /\b[a-z]+[A-Z][A-Za-z]*\b/;

/** Sample values: a stage for stage parameters (rendered as words), a plain value otherwise. */
const SAMPLE: MessageParams = new Proxy(
  {},
  {
    get: (_target, name) => (name === 'stage' || name === 'current' ? 'registrationClosed' : 'v1'),
  },
);

const ruleIdOf = (key: string) => key.split('.')[0]!;
const KEYS = Object.keys(MESSAGE_CATALOGUE);

describe('rule message catalogue', () => {
  it('has entries', () => {
    expect(KEYS.length).toBeGreaterThan(0);
  });

  it.each(KEYS)('%s belongs to a rule of a procedure', (key) => {
    expect(RULE_IDS).toContain(ruleIdOf(key));
    expect(key).toMatch(/^[AB]-[A-Z0-9]+\.[a-z][A-Za-z]*$/);
  });

  it.each(KEYS)('%s reads in Bahasa Indonesia and English, without identifiers', (key) => {
    const texts = LANGUAGES.map((language) => renderMessage(ruleMessage(key, SAMPLE), language));
    for (const text of texts) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(IDENTIFIER);
      expect(text).not.toContain('undefined');
    }
    expect(new Set(texts).size).toBe(LANGUAGES.length);
  });

  it.each([...RULE_IDS].sort())(
    '%s has its messages in the catalogue, or is listed as plain text',
    (id) => {
      const keyed = KEYS.some((key) => ruleIdOf(key) === id);
      expect({ id, keyed }).toEqual({ id, keyed: !PLAIN_TEXT_RULES.has(id) });
    },
  );

  it('lists as plain text only rules that exist', () => {
    for (const id of PLAIN_TEXT_RULES) expect(RULE_IDS).toContain(id);
  });

  it('renders a key it does not know as a generic sentence, never the key', () => {
    expect(renderMessage(ruleMessage('A-X.unknown'), 'id')).toBe('Aturan ini dilanggar.');
    expect(renderMessage(ruleMessage('A-X.unknown'), 'en')).toBe('This rule is broken.');
  });
});

describe('a violation from a catalogue message', () => {
  const message = ruleMessage('A-DONE.namesMissing', { post: 'v1' });
  const violation = violationOf('A-DONE', 'PermenPAN-RB 15/2019', message);

  it('keeps the key and params, with the Indonesian text as its message', () => {
    expect(violation).toEqual({
      rule: 'A-DONE',
      citation: 'PermenPAN-RB 15/2019',
      message: 'belum ada nama yang diusulkan untuk v1',
      messageKey: 'A-DONE.namesMissing',
      params: { post: 'v1' },
    });
  });

  it('reads in English, with the same rule and citation', () => {
    expect(localizeViolation(violation, 'en')).toEqual({
      ...violation,
      message: 'no names are proposed for v1',
    });
  });

  it('keeps a plain-text message as it is in every language', () => {
    const plain = violationOf('A-PLAN', 'c', 'teks');
    expect(plain).toEqual({ rule: 'A-PLAN', citation: 'c', message: 'teks' });
    expect(localizeViolation(plain, 'en')).toEqual(plain);
  });
});

describe('languageOf (Accept-Language)', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['id', 'id'],
    ['id-ID', 'id'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['fr', 'id'],
    ['fr, en;q=0.8', 'en'],
    ['en;q=0.5, id;q=0.9', 'id'],
    ['en;q=0, fr', 'id'],
    ['*', 'id'],
    [['de', 'en'], 'en'],
  ] as const)('%p gives %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
