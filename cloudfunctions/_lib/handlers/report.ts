// Handlers of the `report` function: published annual reports.
import { COLLECTIONS, type ReportDoc } from '../collections';
import { AppError, defineHandlers } from '../router';

export const reportHandlers = defineHandlers('report', {
  async listReports(_input, { deps }) {
    const docs = await deps.store.find<ReportDoc>(COLLECTIONS.reports, {
      where: { status: 'published' },
      orderBy: [['year', 'desc']],
      limit: 100,
    });
    return docs.map(({ year, title, publishedAt, version }) => ({ year, title, publishedAt, version }));
  },

  async getReport(input, { deps }) {
    const [doc] = await deps.store.find<ReportDoc>(COLLECTIONS.reports, {
      where: { year: input.year, status: 'published' },
      orderBy: [['version', 'desc']],
      limit: 1,
    });
    if (!doc) throw new AppError('NOT_FOUND', `${input.year} 年度报告尚未发布`);
    return doc;
  },
});
