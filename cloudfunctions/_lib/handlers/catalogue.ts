// Handlers of the `catalogue` function: categories, keyset-paged item lists, item detail.
import type { Category } from '../../../src/contracts/catalogue';
import { COLLECTIONS, type CategoryDoc, type DisclosureDoc } from '../collections';
import { AppError, defineHandlers, type Deps } from '../router';
import type { StoredDoc } from '../ports/store';

const DEFAULT_PAGE_SIZE = 20;

async function toCategory(deps: Deps, doc: StoredDoc<CategoryDoc>): Promise<Category> {
  const itemCount = await deps.store.count(COLLECTIONS.disclosures, { categoryId: doc._id, status: 'published' });
  return { id: doc._id, name: doc.name, description: doc.description, itemCount };
}

async function getCategory(deps: Deps, id: string): Promise<StoredDoc<CategoryDoc>> {
  const category = await deps.store.get<CategoryDoc>(COLLECTIONS.categories, id);
  if (!category) throw new AppError('NOT_FOUND', '该目录分类不存在');
  return category;
}

export const catalogueHandlers = defineHandlers('catalogue', {
  async listCategories(_input, { deps }) {
    const docs = await deps.store.find<CategoryDoc>(COLLECTIONS.categories, { orderBy: [['order', 'asc']], limit: 100 });
    return Promise.all(docs.map((doc) => toCategory(deps, doc)));
  },

  async listItems(input, { deps }) {
    const category = await getCategory(deps, input.categoryId);
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    // Keyset pagination: every page costs the same as the first, however deep.
    const docs = await deps.store.find<DisclosureDoc>(COLLECTIONS.disclosures, {
      where: {
        categoryId: category._id,
        status: 'published',
        ...(input.cursor ? { sortKey: { $lt: input.cursor } } : {}),
      },
      orderBy: [['sortKey', 'desc']],
      limit: limit + 1,
    });
    const page = docs.slice(0, limit);
    return {
      category: await toCategory(deps, category),
      items: page.map((doc) => ({ ...doc, id: doc._id })),
      nextCursor: docs.length > limit ? (page[page.length - 1]?.sortKey ?? null) : null,
    };
  },

  async getItem(input, { deps }) {
    const doc = await deps.store.get<DisclosureDoc>(COLLECTIONS.disclosures, input.id);
    if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '该信息不存在或已撤回');
    const category = await deps.store.get<CategoryDoc>(COLLECTIONS.categories, doc.categoryId);
    return { ...doc, id: doc._id, categoryName: category?.name ?? '' };
  },
});
