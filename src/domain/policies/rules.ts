// 政策解读 and 会议公开: the vocabulary (forms, interpreter roles, the four aspects every interpretation
// covers, meeting kinds), the checks a draft must pass before it can be submitted, and the yearly
// statistics compiled from records. Pure: no Taro, no I/O.
import type { IsoDate } from '../calendar/dates';

export const INTERPRETATION_FORMS = [
  { key: 'text', label: '文稿' },
  { key: 'image', label: '图片' },
  { key: 'animation', label: '动漫' },
  { key: 'video', label: '视频' },
] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number]['key'];

export const INTERPRETER_ROLES = [
  { key: 'leader', label: '主要领导' },
  { key: 'expert', label: '专家' },
  { key: 'professional', label: '专业机构从业人员' },
  { key: 'media', label: '媒体' },
] as const;
export type InterpreterRole = (typeof INTERPRETER_ROLES)[number]['key'];

/** What every interpretation explains, in this order (the seed report's own list). */
export const INTERPRETATION_SECTIONS = [
  { key: 'background', label: '政策背景' },
  { key: 'basis', label: '决策依据' },
  { key: 'purpose', label: '出台目的' },
  { key: 'measures', label: '重要举措' },
] as const;
export type SectionKey = (typeof INTERPRETATION_SECTIONS)[number]['key'];

export const MEDIA_KINDS = [
  { key: 'image', label: '图片' },
  { key: 'animation', label: '动漫' },
  { key: 'video', label: '视频' },
] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number]['key'];

export const MEETING_KINDS = [
  { key: 'directorOffice', label: '主任办公会' },
  { key: 'sanTiSanZheng', label: '“三提三争”工作推进会' },
  { key: 'other', label: '其他会议' },
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number]['key'];

export const FORM_LABELS = Object.fromEntries(INTERPRETATION_FORMS.map((f) => [f.key, f.label])) as Record<InterpretationForm, string>;
export const ROLE_LABELS = Object.fromEntries(INTERPRETER_ROLES.map((r) => [r.key, r.label])) as Record<InterpreterRole, string>;
export const SECTION_LABELS = Object.fromEntries(INTERPRETATION_SECTIONS.map((s) => [s.key, s.label])) as Record<SectionKey, string>;
export const MEDIA_LABELS = Object.fromEntries(MEDIA_KINDS.map((m) => [m.key, m.label])) as Record<MediaKind, string>;
export const MEETING_KIND_LABELS = Object.fromEntries(MEETING_KINDS.map((k) => [k.key, k.label])) as Record<MeetingKind, string>;

/** The media kind a non-text form must carry at least one of (an animation may also be a video file). */
const REQUIRED_MEDIA: Record<Exclude<InterpretationForm, 'text'>, readonly MediaKind[]> = {
  image: ['image'],
  animation: ['animation', 'video'],
  video: ['video'],
};

/** A text alternative must say something: at least this many characters (适老化 / 无障碍: 非文本内容的文本替代). */
export const MIN_ALT_LENGTH = 4;

export interface Problem {
  path: string;
  message: string;
}

export interface InterpretationDraft {
  form: InterpretationForm;
  sections: Array<{ key: SectionKey; paragraphs: string[] }>;
  media: Array<{ kind: MediaKind; alt: string }>;
  /** The policy document's publication date, when it is known. */
  documentPublishedOn?: IsoDate;
}

/** Why an interpretation cannot go to review; empty when it can. */
export function interpretationProblems(draft: InterpretationDraft, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  for (const section of INTERPRETATION_SECTIONS) {
    const found = draft.sections.find((s) => s.key === section.key);
    if (!found || found.paragraphs.every((p) => p.trim() === '')) {
      problems.push({ path: `sections.${section.key}`, message: `请填写“${section.label}”` });
    }
  }
  if (new Set(draft.sections.map((s) => s.key)).size !== draft.sections.length) problems.push({ path: 'sections', message: '同一方面只能填写一次' });
  if (draft.form !== 'text') {
    const needed = REQUIRED_MEDIA[draft.form];
    if (!draft.media.some((m) => needed.includes(m.kind))) {
      problems.push({ path: 'media', message: `${FORM_LABELS[draft.form]}解读须至少包含一个${needed.map((k) => MEDIA_LABELS[k]).join('或')}文件` });
    }
  }
  draft.media.forEach((m, i) => {
    if (m.alt.trim().length < MIN_ALT_LENGTH) {
      problems.push({ path: `media.${i}.alt`, message: `请为第 ${i + 1} 个${MEDIA_LABELS[m.kind]}填写文字说明（至少 ${MIN_ALT_LENGTH} 个字），供读屏软件和不便观看的读者使用` });
    }
  });
  if (draft.documentPublishedOn && draft.documentPublishedOn > today) problems.push({ path: 'documentId', message: '所解读的政策文件尚未发布' });
  return problems;
}

export interface MeetingDraft {
  kind: MeetingKind;
  title: string;
  date: IsoDate;
  topics: Array<{ title: string; interpretationIds: string[] }>;
}

/** Why a meeting record cannot go to review; empty when it can. */
export function meetingProblems(draft: MeetingDraft, today: IsoDate): Problem[] {
  const problems: Problem[] = [];
  if (draft.date > today) problems.push({ path: 'date', message: '会议日期不能晚于今天（会议召开后再公开）' });
  if (draft.kind === 'other' && draft.title.trim().length < 2) problems.push({ path: 'title', message: '其他会议请填写会议名称' });
  if (draft.topics.length === 0) problems.push({ path: 'topics', message: '请至少填写一个议题' });
  draft.topics.forEach((topic, i) => {
    if (topic.title.trim().length < 2) problems.push({ path: `topics.${i}.title`, message: `请填写第 ${i + 1} 个议题` });
    if (new Set(topic.interpretationIds).size !== topic.interpretationIds.length) problems.push({ path: `topics.${i}.interpretationIds`, message: '同一解读只需关联一次' });
  });
  return problems;
}

export interface CountedInterpretation {
  form: InterpretationForm;
  role: InterpreterRole;
  publishedOn: IsoDate;
}

export interface CountedMeeting {
  kind: MeetingKind;
  date: IsoDate;
  topicCount: number;
  thirdPartyAttended: boolean;
}

export interface YearStats {
  year: number;
  interpretations: number;
  byForm: Array<{ key: InterpretationForm; label: string; count: number }>;
  byRole: Array<{ key: InterpreterRole; label: string; count: number }>;
  meetings: Array<{ kind: MeetingKind; label: string; count: number; topics: number; thirdPartyAttended: number }>;
}

/** A year's figures from the published records (by publication date, or meeting date). */
export function yearStats(year: number, interpretations: readonly CountedInterpretation[], meetings: readonly CountedMeeting[]): YearStats {
  const inYear = (date: IsoDate) => date.slice(0, 4) === String(year);
  const items = interpretations.filter((i) => inYear(i.publishedOn));
  const held = meetings.filter((m) => inYear(m.date));
  return {
    year,
    interpretations: items.length,
    byForm: INTERPRETATION_FORMS.map((f) => ({ key: f.key, label: f.label, count: items.filter((i) => i.form === f.key).length })),
    byRole: INTERPRETER_ROLES.map((r) => ({ key: r.key, label: r.label, count: items.filter((i) => i.role === r.key).length })),
    meetings: MEETING_KINDS.map((k) => {
      const own = held.filter((m) => m.kind === k.key);
      return {
        kind: k.key,
        label: k.label,
        count: own.length,
        topics: own.reduce((sum, m) => sum + m.topicCount, 0),
        thirdPartyAttended: own.filter((m) => m.thirdPartyAttended).length,
      };
    }),
  };
}
