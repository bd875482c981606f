// Reads every document matching a filter, 100 at a time (CloudBase's page size), keyed on _id so
// each page costs the same as the first.
import type { DocumentStore, Filter, StoredDoc } from './ports/store';

export async function findAll<T extends object>(store: DocumentStore, collection: string, where: Filter = {}): Promise<Array<StoredDoc<T>>> {
  const all: Array<StoredDoc<T>> = [];
  let after = '';
  for (;;) {
    const page = await store.find<T>(collection, { where: { ...where, ...(after ? { _id: { $gt: after } } : {}) }, orderBy: [['_id', 'asc']], limit: 100 });
    all.push(...page);
    if (page.length < 100) return all;
    after = page[page.length - 1]!._id;
  }
}
