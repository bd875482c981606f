// The seed report is the source of truth: the parser must read every figure of the 2023 report, and
// the copy kept in the repository must be the seed itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportTables } from '@/domain/report/check';
import { TABLE3_ROW_KEYS } from '@/domain/report/tables';
import { parseAnnualReport, SeedFormatError } from '../../cloudfunctions/_lib/seed/parse-report';

const repoCopy = join(__dirname, '../../cloudfunctions/_lib/seed/zibo-2023-annual-report.txt');
const sharedSeed = join(__dirname, '../../../shared/seed/000_6a5d2ff36741822c.txt');
const text = readFileSync(repoCopy, 'utf8');
const report = parseAnnualReport(text);

describe('2023 seed report', () => {
  it('is an unchanged copy of the shared seed (when the shared folder is present)', () => {
    if (!existsSync(sharedSeed)) return; // A user's clone has only the repository copy.
    expect(text).toBe(readFileSync(sharedSeed, 'utf8'));
  });

  it('reads the agency, year and contact details', () => {
    expect(report.agencyName).toBe('淄博市公共资源交易中心');
    expect(report.year).toBe(2023);
    expect(report.contact).toEqual({
      address: '山东省淄博市高新区柳泉路125号先进陶瓷创新园B座',
      postcode: '255000',
      phone: '0533-2270076',
      email: 'sggzyjyzxzhk@zb.shandong.cn',
    });
  });

  it('reads Table 3: five new applications from natural persons, all granted, nothing carried', () => {
    const nonZero = TABLE3_ROW_KEYS.filter((key) => report.table3[key].some((value) => value !== 0));
    expect(nonZero).toEqual(['newReceived', 'granted', 'resultsTotal']);
    for (const key of nonZero) expect(report.table3[key]).toEqual([5, 0, 0, 0, 0, 0, 5]);
  });

  it('reads Tables 2 and 4 as all zero', () => {
    expect(Object.values(report.table2).flatMap((row) => Object.values(row))).toEqual(Array(10).fill(0));
    expect(Object.values(report.table4).flat()).toEqual(Array(15).fill(0));
  });

  it('satisfies every consistency rule', () => {
    expect(checkReportTables(report)).toEqual([]);
  });

  it('keeps the six sections with their text', () => {
    expect(report.sections.map((s) => s.label)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、政府信息公开工作存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const overview = report.sections[0]!.blocks;
    expect(overview.map((b) => b.heading)).toEqual([undefined, '（一）主动公开方面', '（二）依申请公开工作方面', '（三）政府信息管理方面', '（四）平台建设方面', '（五）监督保障方面']);
    // The figures the text reports must survive parsing verbatim.
    const allText = report.sections.flatMap((s) => s.blocks.flatMap((b) => b.paragraphs)).join('');
    for (const figure of ['解读类信息27次', '主任办公会8次', '研究重要议题32个', '发布信息22488条', '发布信息313条', '关注人数6723人', '专栏专题227个', '累计接收评价673条', '7期征集调查事项', '98条意见建议', '“平台开放日”活动15次']) {
      expect(allText).toContain(figure);
    }
    // The conversion artefact "（2）" becomes the official "（二）".
    expect(report.sections[4]!.blocks.map((b) => b.heading)).toEqual(['（一）存在问题', '（二）改进情况']);
    expect(allText).not.toContain('[bookmark');
  });

  it('fails loudly when a table loses a cell', () => {
    const damaged = text.replace('\t一、本年新收政府信息公开申请数量\n\t5\n', '\t一、本年新收政府信息公开申请数量\n');
    expect(damaged).not.toBe(text);
    expect(() => parseAnnualReport(damaged)).toThrow(SeedFormatError);
  });
});
