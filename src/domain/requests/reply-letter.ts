// Reply-letter (政府信息公开申请答复书) templates, one per kind of outcome (条例第三十六条), filled with the
// case's data. The clerk edits the text; a reviewer signs it off. Pure string building.
import { TABLE3_OUTCOME_GROUPS, type OutcomeKey } from '../report/tables';

export interface LetterData {
  agencyName: string;
  applicantName: string;
  receiptDate: string;
  description: string;
  today: string;
}

/** The outcome's label as in Table 3, e.g. "不予公开 · 4.保护第三方合法权益". */
export function outcomeLabel(outcome: OutcomeKey): string {
  if (outcome === 'granted') return '予以公开';
  if (outcome === 'partial') return '部分公开';
  for (const group of TABLE3_OUTCOME_GROUPS) {
    const row = group.rows.find((r) => r.key === outcome);
    if (row) return `${group.label.replace(/^（.）/, '')} · ${row.label}`;
  }
  return outcome;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const BODY: Partial<Record<OutcomeKey, string>> & { refused: string; unable: string; notProcessed: string; other: string } = {
  granted: '经审查，您申请获取的政府信息属于公开范围，根据《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定，现予以公开，所申请信息见附件（或按您选择的方式提供）。',
  partial:
    '经审查，您申请获取的政府信息中部分内容属于不予公开的范围，根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关对可以公开的部分予以提供，对不予公开的部分说明理由如下：【请写明不予公开部分及理由】。',
  refused: '经审查，您申请获取的政府信息【理由】，根据《中华人民共和国政府信息公开条例》第十四条至第十六条及第三十六条第（三）项的规定，本机关决定不予公开。',
  unable: '经查，【本机关不掌握您申请的政府信息 / 该信息需另行制作 / 补正后申请内容仍不明确】，根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，本机关无法提供。',
  notProcessed: '经审查，您的申请属于【不予处理的情形】，根据《中华人民共和国政府信息公开条例》的相关规定，本机关不予处理。',
  other: '【请写明处理情况及依据】',
};

/** The refusal reasons as a letter states them (条例第十四条至第十六条). */
const REFUSAL_REASONS: Partial<Record<OutcomeKey, string>> = {
  refusedStateSecret: '属于国家秘密',
  refusedLawProhibited: '属于法律、行政法规禁止公开的信息',
  refusedSafetyStability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  refusedThirdPartyRights: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
  refusedInternalAffairs: '属于人事管理、后勤管理、内部工作流程等内部事务信息',
  refusedProcessInfo: '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿等过程性信息',
  refusedEnforcementFile: '属于行政执法案卷信息',
  refusedInquiryMatter: '属于行政查询事项',
};

function bodyFor(outcome: OutcomeKey): string {
  if (outcome === 'granted' || outcome === 'partial') return BODY[outcome]!;
  const group = TABLE3_OUTCOME_GROUPS.find((g) => g.rows.some((r) => r.key === outcome));
  const template = BODY[group?.key ?? 'other'];
  return template.replace('【理由】', REFUSAL_REASONS[outcome] ?? outcomeLabel(outcome));
}

export function replyLetterTemplate(outcome: OutcomeKey, data: LetterData): string {
  return [
    '政府信息公开申请答复书',
    '',
    `${data.applicantName}：`,
    `本机关于${chineseDate(data.receiptDate)}收到您提出的政府信息公开申请，您申请获取的信息为：“${data.description}”。`,
    bodyFor(outcome),
    '如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。',
    '',
    data.agencyName,
    chineseDate(data.today),
  ].join('\n');
}
