/*
 * The dashboard's words without React: messages filled in, plural forms, periods, lists, dates and
 * numbers in each language. The views reach them through useI18n(); the printed meeting pack
 * (scripts/report) calls wordsFor('en') directly, so both use the same labels.
 */
import { en, type MessageKey, type Messages, type PluralKey } from './en.ts';
import { fr } from './fr.ts';

export const languages = { en, fr } as const;
export type Language = keyof typeof languages;

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The label for `key`, with `{name}` placeholders filled from `values`. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The form of `key` that the language's plural rules give `count` (`{count}` is filled in, written the language's way). */
  plural(key: PluralKey, count: number, values?: Record<string, string | number>): string;
  /** Items joined the language's way: "A, B and C". */
  list(items: readonly string[]): string;
  /** A reporting period in words: `2026-06` as June 2026, `2026-Q3` as the third quarter of 2026. */
  period(period: string): string;
  /** A number written the language's way. */
  number(value: number): string;
  /** A YYYY-MM-DD or ISO date-time written as a date in the language. */
  date(value: string): string;
}

export function translate(messages: Messages, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The key of the form of `key` that `rules` give `count`: `<key>.one` or `<key>.other` (the form every other category falls back to). */
export function pluralForm(rules: Intl.PluralRules, key: PluralKey, count: number): MessageKey {
  return rules.select(count) === 'one' ? `${key}.one` : `${key}.other`;
}

/** `2026-06` or `2026-Q3` in words; any other shape as it is. */
export function periodInWords(messages: Messages, months: Intl.DateTimeFormat, period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return months.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return translate(messages, 'period.quarter', { year: quarter[1]!, quarter: quarter[2]! });
  return period;
}

/** Everything the dashboard words in `language`; outside React too (its tests). */
export function wordsFor(language: Language, setLanguage: (language: Language) => void = () => {}): I18n {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const numbers = new Intl.NumberFormat(locale);
  // Dates in the graph are calendar days: format them in UTC so no time zone shifts the day.
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const rules = new Intl.PluralRules(locale);
  const lists = new Intl.ListFormat(locale, { type: 'conjunction' });
  const messages = languages[language];
  return {
    language,
    setLanguage,
    t: (key, values) => translate(messages, key, values),
    plural: (key, count, values) => translate(messages, pluralForm(rules, key, count), { ...values, count: numbers.format(count) }),
    list: (items) => lists.format(items),
    period: (period) => periodInWords(messages, months, period),
    number: (n) => numbers.format(n),
    date: (d) => dates.format(new Date(d.length === 10 ? `${d}T00:00:00Z` : d)),
  };
}
