import type { Deadline } from '@jejak/workflows';
import type { ReminderKind } from '../core/reminder-job.js';
import { formatRemaining, formatWita, type Lang } from './format-wita.js';

/** What a message needs: the deadline as re-read when the job fires, and the selection. */
export type MessageInput = {
  kind: Exclude<ReminderKind, 'action'>;
  deadline: Deadline;
  selection: { selectionId: string; title: string };
  /** The post (vacancy) the deadline is about, when it is about one. */
  vacancyTitle?: string;
  /** Link to the selection, e.g. `https://jejak.example.org/selections/<id>`. */
  link: string;
  /** The instant the message is composed (the worker's clock). */
  now: string;
  lang: Lang;
};

export type ReminderMessage = { subject: string; text: string };

const TEXT = {
  id: {
    reminder: (label: string, left: string) => `Pengingat: ${label} (${left} lagi)`,
    escalation: (label: string, late: string) => `Terlambat: ${label} (lewat ${late})`,
    selection: 'Seleksi',
    post: 'Jabatan',
    due: 'Batas waktu',
    basis: 'Dasar hukum',
    planned: 'Jadwal yang diumumkan (bukan batas waktu menurut peraturan)',
    link: 'Tautan',
    footer: 'Pesan ini dikirim otomatis oleh jejak.',
  },
  en: {
    reminder: (label: string, left: string) => `Reminder: ${label} (in ${left})`,
    escalation: (label: string, late: string) => `Overdue: ${label} (${late} late)`,
    selection: 'Selection',
    post: 'Post',
    due: 'Due',
    basis: 'Legal basis',
    planned: 'Published schedule (not a legal deadline)',
    link: 'Link',
    footer: 'This message was sent automatically by jejak.',
  },
} as const;

/**
 * The reminder or escalation text, in Bahasa Indonesia by default (English available): what is
 * due, for which selection and post, when (WITA), the legal basis, and a link to the selection.
 */
export function composeReminderMessage(input: MessageInput): ReminderMessage {
  const t = TEXT[input.lang];
  const { deadline } = input;
  const span = formatRemaining(Date.parse(input.now), Date.parse(deadline.dueAt), input.lang);
  const subject =
    input.kind === 'reminder'
      ? t.reminder(deadline.label, span)
      : t.escalation(deadline.label, span);
  const lines = [
    subject,
    '',
    `${t.selection}: ${input.selection.title}`,
    ...(input.vacancyTitle === undefined ? [] : [`${t.post}: ${input.vacancyTitle}`]),
    `${t.due}: ${formatWita(deadline.dueAt, input.lang)}`,
    deadline.legalBasis === undefined
      ? `${t.basis}: ${t.planned}`
      : `${t.basis}: ${deadline.legalBasis}`,
    `${t.link}: ${input.link}`,
    '',
    t.footer,
  ];
  return { subject, text: lines.join('\n') };
}
