// 政策解读 / 会议公开 rules: what a draft needs before review, and the yearly statistics.
import { interpretationProblems, meetingProblems, yearStats, type InterpretationDraft } from '../../src/domain/policies/rules';

const SECTIONS: InterpretationDraft['sections'] = [
  { key: 'background', paragraphs: ['背景'] },
  { key: 'basis', paragraphs: ['依据'] },
  { key: 'purpose', paragraphs: ['目的'] },
  { key: 'measures', paragraphs: ['举措'] },
];

describe('interpretationProblems', () => {
  it('accepts a 文稿 interpretation covering the four aspects', () => {
    expect(interpretationProblems({ form: 'text', sections: SECTIONS, media: [] }, '2026-02-10')).toEqual([]);
  });

  it('names each missing or blank aspect', () => {
    const problems = interpretationProblems({ form: 'text', sections: [SECTIONS[0]!, { key: 'basis', paragraphs: ['  '] }], media: [] }, '2026-02-10');
    expect(problems.map((p) => p.path)).toEqual(['sections.basis', 'sections.purpose', 'sections.measures']);
    expect(problems[0]!.message).toBe('请填写“决策依据”');
  });

  it('requires a media file of the right kind for 图片 / 动漫 / 视频', () => {
    expect(interpretationProblems({ form: 'image', sections: SECTIONS, media: [] }, '2026-02-10')).toEqual([{ path: 'media', message: '图片解读须至少包含一个图片文件' }]);
    expect(interpretationProblems({ form: 'video', sections: SECTIONS, media: [{ kind: 'image', alt: '一张示意图片' }] }, '2026-02-10')[0]!.path).toBe('media');
    expect(interpretationProblems({ form: 'animation', sections: SECTIONS, media: [{ kind: 'video', alt: '动画视频的文字说明' }] }, '2026-02-10')).toEqual([]);
  });

  it('requires a text alternative for every media file (无障碍)', () => {
    const problems = interpretationProblems({ form: 'image', sections: SECTIONS, media: [{ kind: 'image', alt: '流程图，分四步' }, { kind: 'image', alt: ' 图 ' }] }, '2026-02-10');
    expect(problems).toEqual([{ path: 'media.1.alt', message: expect.stringContaining('请为第 2 个图片填写文字说明') }]);
  });

  it('refuses to interpret a document that is not yet published', () => {
    expect(interpretationProblems({ form: 'text', sections: SECTIONS, media: [], documentPublishedOn: '2026-03-01' }, '2026-02-10')[0]!.path).toBe('documentId');
  });
});

describe('meetingProblems', () => {
  it('requires topics, a past date and a name for 其他会议', () => {
    expect(meetingProblems({ kind: 'directorOffice', title: '', date: '2026-02-09', topics: [{ title: '研究议题', interpretationIds: [] }] }, '2026-02-10')).toEqual([]);
    const problems = meetingProblems({ kind: 'other', title: '', date: '2026-02-11', topics: [] }, '2026-02-10');
    expect(problems.map((p) => p.path)).toEqual(['date', 'title', 'topics']);
    expect(meetingProblems({ kind: 'sanTiSanZheng', title: '', date: '2026-02-01', topics: [{ title: '议', interpretationIds: ['a', 'a'] }] }, '2026-02-10').map((p) => p.path)).toEqual(['topics.0.title', 'topics.0.interpretationIds']);
  });
});

describe('yearStats', () => {
  it('counts a year’s interpretations by form and role and its meetings and topics by kind', () => {
    const stats = yearStats(
      2023,
      [
        { form: 'text', role: 'expert', publishedOn: '2023-05-01' },
        { form: 'image', role: 'expert', publishedOn: '2023-12-31' },
        { form: 'image', role: 'media', publishedOn: '2024-01-01' },
      ],
      [
        { kind: 'directorOffice', date: '2023-01-16', topicCount: 4, thirdPartyAttended: true },
        { kind: 'directorOffice', date: '2023-03-06', topicCount: 3, thirdPartyAttended: false },
        { kind: 'sanTiSanZheng', date: '2023-02-20', topicCount: 1, thirdPartyAttended: false },
        { kind: 'directorOffice', date: '2022-12-30', topicCount: 9, thirdPartyAttended: true },
      ],
    );
    expect(stats.interpretations).toBe(2);
    expect(stats.byForm.map((f) => [f.label, f.count])).toEqual([['文稿', 1], ['图片', 1], ['动漫', 0], ['视频', 0]]);
    expect(stats.byRole.find((r) => r.key === 'expert')!.count).toBe(2);
    expect(stats.meetings).toEqual([
      { kind: 'directorOffice', label: '主任办公会', count: 2, topics: 7, thirdPartyAttended: 1 },
      { kind: 'sanTiSanZheng', label: '“三提三争”工作推进会', count: 1, topics: 1, thirdPartyAttended: 0 },
      { kind: 'other', label: '其他会议', count: 0, topics: 0, thirdPartyAttended: 0 },
    ]);
  });
});
