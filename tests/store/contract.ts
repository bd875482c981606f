// The DocumentStore contract: one suite every adapter must pass (see cloudfunctions/_lib/ports/store.ts).
// Call `describeStoreContract(name, makeStore)` from an adapter's test file; `makeStore` must return a
// store with no data in it (it is called before every test and the store is closed after it).
import {
  MAX_PAGE_SIZE,
  StoreError,
  type DocumentStore,
  type Filter,
  type StoreErrorCode,
  type TransactionStore,
} from '../../cloudfunctions/_lib/ports/store';

export async function expectStoreError(promise: Promise<unknown> | (() => Promise<unknown>), code: StoreErrorCode): Promise<StoreError> {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ code });
  return error as StoreError;
}

const ITEMS = [
  { _id: 'a', n: 5, s: 'b', flag: true },
  { _id: 'b', n: 'x', s: 'a' },
  { _id: 'c', s: 'C' }, // no `n`
  { _id: 'd', n: null },
  { _id: 'e', n: 10, s: 'c', flag: false },
  { _id: 'f', n: 1.5, s: '中文' },
  { _id: 'g', n: 0 },
  { _id: 'h', n: true },
];

const SORTED = [
  { _id: '1', cat: 'b', rank: 2 },
  { _id: '2', cat: 'a', rank: 1 },
  { _id: '3', cat: 'b', rank: 5 },
  { _id: '4', cat: 'a', rank: 3 },
  { _id: '5', rank: 4 }, // no `cat`
  { _id: '6', cat: 'a', rank: 3 }, // ties with 4: `_id` breaks the tie
];

export function describeStoreContract(name: string, makeStore: () => DocumentStore | Promise<DocumentStore>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    async function seed(collection: string, docs: Array<Record<string, unknown> & { _id: string }>): Promise<void> {
      for (const doc of docs) await store.insert(collection, doc);
    }

    describe('insert and get', () => {
      test('round trip keeps the fields and adds _id and _version 1', async () => {
        const doc = { _id: 'n1', title: 'Notice', count: 3, ratio: 0.5, open: false, none: null, tags: ['x', 'y'], meta: { a: { b: 1 } } };
        const inserted = await store.insert('notices', doc);
        expect(inserted).toEqual({ ...doc, _version: 1 });
        expect(await store.get('notices', 'n1')).toEqual({ ...doc, _version: 1 });
      });

      test('generates distinct string ids when none is given', async () => {
        const first = await store.insert('notices', { title: 'one' });
        const second = await store.insert('notices', { title: 'two' });
        expect(typeof first._id).toBe('string');
        expect(first._id.length).toBeGreaterThan(0);
        expect(second._id).not.toBe(first._id);
        expect(first._version).toBe(1);
        expect(await store.get('notices', second._id)).toEqual({ _id: second._id, _version: 1, title: 'two' });
      });

      test('a _version given on insert is ignored and undefined fields are dropped', async () => {
        const inserted = await store.insert('notices', { _id: 'v', _version: 7, title: 't', gone: undefined });
        expect(inserted).toEqual({ _id: 'v', _version: 1, title: 't' });
        expect(await store.get('notices', 'v')).toEqual({ _id: 'v', _version: 1, title: 't' });
      });

      test('the stored document does not alias the caller\u2019s object', async () => {
        const doc = { _id: 'al', meta: { k: 1 } };
        const inserted = await store.insert('notices', doc);
        doc.meta.k = 2;
        (inserted.meta as { k: number }).k = 3;
        expect(await store.get('notices', 'al')).toEqual({ _id: 'al', _version: 1, meta: { k: 1 } });
      });

      test('get of a missing id or a missing collection is null', async () => {
        await store.insert('notices', { _id: 'x' });
        expect(await store.get('notices', 'nope')).toBeNull();
        expect(await store.get('never_created', 'x')).toBeNull();
      });

      test('a duplicate _id fails with duplicate and keeps the first document', async () => {
        await store.insert('notices', { _id: 'dup', v: 1 });
        await expectStoreError(store.insert('notices', { _id: 'dup', v: 2 }), 'duplicate');
        expect(await store.get('notices', 'dup')).toEqual({ _id: 'dup', _version: 1, v: 1 });
      });

      test('the same _id in two collections is fine', async () => {
        await store.insert('notices', { _id: 'same', v: 1 });
        await store.insert('archive', { _id: 'same', v: 2 });
        expect(await store.get('notices', 'same')).toMatchObject({ v: 1 });
        expect(await store.get('archive', 'same')).toMatchObject({ v: 2 });
      });
    });

    describe('find filters', () => {
      beforeEach(async () => {
        await seed('items', ITEMS);
      });

      async function ids(where: Filter): Promise<string[]> {
        const docs = await store.find('items', { where, orderBy: [['_id', 'asc']] });
        return docs.map((d) => d._id);
      }

      test.each<[string, Filter, string[]]>([
        ['bare scalar equality', { n: 5 }, ['a']],
        ['string equality', { n: 'x' }, ['b']],
        ['$eq', { n: { $eq: 5 } }, ['a']],
        ['$eq on a fraction', { n: { $eq: 1.5 } }, ['f']],
        ['equality with null matches null and missing', { n: null }, ['c', 'd']],
        ['$eq null matches null and missing', { n: { $eq: null } }, ['c', 'd']],
        ['equality never matches a missing field', { flag: false }, ['e']],
        ['true is not 1', { n: 1 }, []],
        ['boolean equality', { n: true }, ['h']],
        ['$ne matches missing fields too', { n: { $ne: 5 } }, ['b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['$ne null excludes null and missing', { n: { $ne: null } }, ['a', 'b', 'e', 'f', 'g', 'h']],
        ['$ne on a boolean field', { flag: { $ne: true } }, ['b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['$gt compares numbers with numbers only', { n: { $gt: 1 } }, ['a', 'e', 'f']],
        ['$gte', { n: { $gte: 5 } }, ['a', 'e']],
        ['$lt', { n: { $lt: 5 } }, ['f', 'g']],
        ['$lte', { n: { $lte: 0 } }, ['g']],
        ['a range', { n: { $gt: 1, $lt: 10 } }, ['a', 'f']],
        ['$gte "" matches strings only', { n: { $gte: '' } }, ['b']],
        ['string order is by code unit (upper case first)', { s: { $lt: 'a' } }, ['c']],
        ['CJK sorts after ASCII', { s: { $gt: 'c' } }, ['f']],
        ['$in', { n: { $in: [5, 'x'] } }, ['a', 'b']],
        ['$in with null matches missing', { n: { $in: [null] } }, ['c', 'd']],
        ['empty $in matches nothing', { n: { $in: [] } }, []],
        ['$ne combined with a range', { n: { $ne: 5, $gt: 0 } }, ['e', 'f']],
        ['conditions on several fields all hold', { n: { $gt: 0 }, flag: true }, ['a']],
        ['on _id', { _id: 'a' }, ['a']],
        ['$in on _id', { _id: { $in: ['a', 'c', 'zz'] } }, ['a', 'c']],
        ['range on _id', { _id: { $gt: 'f' } }, ['g', 'h']],
        ['empty filter', {}, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
      ])('%s', async (_label, where, expected) => {
        expect(await ids(where)).toEqual(expected);
        expect(await store.count('items', where)).toBe(expected.length);
      });

      test('count without a filter, and on a missing collection', async () => {
        expect(await store.count('items')).toBe(ITEMS.length);
        expect(await store.count('never_created')).toBe(0);
        expect(await store.count('never_created', { n: 1 })).toBe(0);
      });

      test('find on a missing collection is empty', async () => {
        expect(await store.find('never_created')).toEqual([]);
      });

      test('string equality never matches an array or object by its JSON text', async () => {
        await seed('shapes', [
          { _id: 'arr', t: ['a'] },
          { _id: 'obj', t: { k: 1 } },
          { _id: 'str', t: '[a' },
          { _id: 'plain', t: 'b' },
        ]);
        const ids = async (where: Filter) => (await store.find('shapes', { where, orderBy: [['_id', 'asc']] })).map((d) => d._id);
        expect(await ids({ t: '["a"]' })).toEqual([]);
        expect(await ids({ t: '{"k":1}' })).toEqual([]);
        expect(await ids({ t: '[a' })).toEqual(['str']);
        expect(await ids({ t: 'b' })).toEqual(['plain']);
        expect(await store.count('shapes', { t: { $in: ['[a', 'b'] } })).toBe(2);
        // Equality with an element of an array field differs by backend (see the port): not pinned.
      });

      test('returns whole documents', async () => {
        expect(await store.find('items', { where: { _id: 'a' } })).toEqual([{ ...ITEMS[0], _version: 1 }]);
      });
    });

    describe.each([
      ['without', false],
      ['with', true],
    ])('find $contains (literal substring, ASCII case-insensitive), %s a text index', (_with, indexed) => {
      const TEXTS = [
        { _id: 't1', title: '关于开标时间调整的公告', body: '开标时间为上午九时', kind: 'b' },
        { _id: 't2', title: '开标的时间安排', kind: 'a' },
        { _id: 't3', title: 'Open Day 2024 (a.b)*', kind: 'b' },
        { _id: 't4', title: '100% 完成_率', kind: 'a' },
        { _id: 't5', n: 5 }, // no title
        { _id: 't6', title: 42 }, // not a string
        { _id: 't7', title: 'back\\slash [x] ^$ {1} a|b ?+' },
        { _id: 't8', title: 'axb OPEN' },
      ];

      beforeEach(async () => {
        await seed('texts', TEXTS);
        // Declared after the documents exist: the index starts from what is stored.
        if (indexed) {
          await store.ensureTextIndex('texts', 'title');
          await store.ensureTextIndex('texts', 'body');
          await store.ensureTextIndex('texts', 'title');
        }
      });

      test('finds what is written, changed and removed after the declaration, inside transactions too', async () => {
        await store.insert('texts', { _id: 'n1', title: '新增的开标时间通知' });
        await store.update('texts', 't2', { title: '评标的时间安排' });
        await store.transaction(async (tx) => {
          await tx.remove('texts', 't1');
          await tx.insert('texts', { _id: 'n2', title: '事务内开标时间' });
        });
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('texts', { _id: 'n3', title: '回滚的开标时间' });
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        const ids = async (needle: string) => (await store.find('texts', { where: { title: { $contains: needle } }, orderBy: [['_id', 'asc']] })).map((d) => d._id);
        expect(await ids('开标时间')).toEqual(['n1', 'n2']);
        expect(await ids('评标的时间')).toEqual(['t2']);
        expect(await ids('开标的时间')).toEqual([]);
      });

      test.each<[string, Filter, string[]]>([
        ['a Chinese substring', { title: { $contains: '开标时间' } }, ['t1']],
        ['a shorter Chinese substring', { title: { $contains: '开标' } }, ['t1', 't2']],
        ['the whole value', { title: { $contains: '开标的时间安排' } }, ['t2']],
        ['no match', { title: { $contains: '中标' } }, []],
        ['ASCII case is ignored', { title: { $contains: 'open day' } }, ['t3']],
        ['upper-case needle', { title: { $contains: 'OPEN' } }, ['t3', 't8']],
        ['. is literal', { title: { $contains: 'a.b' } }, ['t3']],
        ['a lone . is literal', { title: { $contains: '.' } }, ['t3']],
        ['( ) * are literal', { title: { $contains: '(a.b)*' } }, ['t3']],
        ['% is literal (LIKE wildcard)', { title: { $contains: '100%' } }, ['t4']],
        ['_ is literal (LIKE wildcard)', { title: { $contains: '_' } }, ['t4']],
        ['backslash is literal', { title: { $contains: '\\' } }, ['t7']],
        ['[ ] are literal', { title: { $contains: '[x]' } }, ['t7']],
        ['^ $ are literal', { title: { $contains: '^$' } }, ['t7']],
        ['{ } are literal', { title: { $contains: '{1}' } }, ['t7']],
        ['| is literal', { title: { $contains: 'a|b' } }, ['t7']],
        ['? + are literal', { title: { $contains: '?+' } }, ['t7']],
        ['a number field never matches', { title: { $contains: '42' } }, []],
        ['a missing field never matches', { body: { $contains: '开标' } }, ['t1']],
        ['combined with equality on another field', { title: { $contains: '开标' }, kind: 'a' }, ['t2']],
        ['combined with $ne on the same field', { title: { $contains: '开标', $ne: '开标的时间安排' } }, ['t1']],
        ['combined with $in on _id', { _id: { $in: ['t1', 't3'] }, title: { $contains: '开标' } }, ['t1']],
        ['on two fields', { title: { $contains: '公告' }, body: { $contains: '九时' } }, ['t1']],
        ['on _id', { _id: { $contains: 'T' } }, ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8']],
      ])('%s', async (_label, where, expected) => {
        const docs = await store.find('texts', { where, orderBy: [['_id', 'asc']] });
        expect(docs.map((d) => d._id)).toEqual(expected);
        expect(await store.count('texts', where)).toBe(expected.length);
      });

      test('works with sorting and paging', async () => {
        const page = await store.find('texts', { where: { title: { $contains: 'open' } }, orderBy: [['_id', 'desc']], limit: 1 });
        expect(page.map((d) => d._id)).toEqual(['t8']);
        const next = await store.find('texts', { where: { title: { $contains: 'open' } }, orderBy: [['_id', 'desc']], skip: 1, limit: 1 });
        expect(next.map((d) => d._id)).toEqual(['t3']);
      });

      test.each<[string, unknown]>([
        ['an empty needle', ''],
        ['a number', 5],
        ['null', null],
        ['a needle over the length limit', 'x'.repeat(201)],
      ])('rejects %s', async (_label, needle) => {
        const where = { title: { $contains: needle } } as unknown as Filter;
        await expectStoreError(store.find('texts', { where }), 'invalid');
        await expectStoreError(store.count('texts', where), 'invalid');
      });
    });

    describe('find order and paging', () => {
      beforeEach(async () => {
        await seed('sorted', SORTED);
      });

      async function order(options: Parameters<DocumentStore['find']>[1]): Promise<string[]> {
        return (await store.find('sorted', options)).map((d) => d._id);
      }

      test('multi-key asc/desc; missing sort fields first in asc; ties by _id', async () => {
        expect(await order({ orderBy: [['cat', 'asc'], ['rank', 'desc']] })).toEqual(['5', '4', '6', '2', '3', '1']);
      });

      test('missing sort fields last in desc', async () => {
        expect(await order({ orderBy: [['cat', 'desc'], ['rank', 'asc']] })).toEqual(['1', '3', '2', '4', '6', '5']);
      });

      test('single key, and _id descending', async () => {
        expect(await order({ orderBy: [['rank', 'asc']] })).toEqual(['2', '1', '4', '6', '5', '3']);
        expect(await order({ orderBy: [['_id', 'desc']] })).toEqual(['6', '5', '4', '3', '2', '1']);
      });

      test('filter plus order', async () => {
        expect(await order({ where: { cat: 'a' }, orderBy: [['rank', 'desc']] })).toEqual(['4', '6', '2']);
      });

      test('skip and limit', async () => {
        expect(await order({ orderBy: [['rank', 'asc']], skip: 1, limit: 2 })).toEqual(['1', '4']);
        expect(await order({ orderBy: [['rank', 'asc']], skip: 5, limit: 10 })).toEqual(['3']);
        expect(await order({ orderBy: [['rank', 'asc']], skip: 6 })).toEqual([]);
        expect(await order({ orderBy: [['rank', 'asc']], limit: 1 })).toEqual(['2']);
      });

      test('invalid paging is rejected', async () => {
        await expectStoreError(store.find('sorted', { limit: MAX_PAGE_SIZE + 1 }), 'invalid');
        await expectStoreError(store.find('sorted', { limit: 0 }), 'invalid');
        await expectStoreError(store.find('sorted', { limit: 2.5 }), 'invalid');
        await expectStoreError(store.find('sorted', { skip: -1 }), 'invalid');
        await expectStoreError(store.find('sorted', { orderBy: [['rank', 'up' as 'asc']] }), 'invalid');
        expect(await order({ limit: MAX_PAGE_SIZE })).toHaveLength(SORTED.length);
      });

      test('without a limit a page holds at most 100 documents', async () => {
        for (let i = 0; i < 105; i++) await store.insert('many', { _id: `m${String(i).padStart(3, '0')}`, i });
        const firstPage = await store.find('many');
        expect(firstPage).toHaveLength(MAX_PAGE_SIZE);
        expect(firstPage[0]?._id).toBe('m000');
        const rest = await store.find('many', { skip: MAX_PAGE_SIZE });
        expect(rest.map((d) => d._id)).toEqual(['m100', 'm101', 'm102', 'm103', 'm104']);
        expect(await store.count('many')).toBe(105);
      });

      test('ensureIndex is idempotent and does not change results', async () => {
        await store.ensureIndex('sorted', ['cat', 'rank']);
        await store.ensureIndex('sorted', ['cat', 'rank']);
        await store.ensureIndex('sorted', ['rank']);
        await store.ensureIndex('not_yet', ['x']);
        expect(await order({ where: { cat: 'a' }, orderBy: [['rank', 'desc']] })).toEqual(['4', '6', '2']);
        expect(await order({ orderBy: [['cat', 'asc'], ['rank', 'desc']] })).toEqual(['5', '4', '6', '2', '3', '1']);
      });
    });

    describe('update and remove', () => {
      beforeEach(async () => {
        await store.insert('docs', { _id: 'u', title: 't', meta: { a: 1, b: 2 }, keep: 'k', list: [1, 2, 3] });
      });

      test('shallow merge and version bump', async () => {
        const updated = await store.update('docs', 'u', { title: 't2', meta: { c: 3 }, list: [9], added: null });
        const expected = { _id: 'u', _version: 2, title: 't2', meta: { c: 3 }, keep: 'k', list: [9], added: null };
        expect(updated).toEqual(expected);
        expect(await store.get('docs', 'u')).toEqual(expected);
        expect((await store.update('docs', 'u', { title: 't3' }))._version).toBe(3);
      });

      test('undefined leaves a field unchanged; _version in a patch is ignored; the same _id is allowed', async () => {
        const updated = await store.update<Record<string, unknown>>('docs', 'u', { keep: undefined, title: 'x', _version: 99, _id: 'u' });
        expect(updated).toMatchObject({ _version: 2, keep: 'k', title: 'x' });
        expect(await store.get('docs', 'u')).toEqual(updated);
      });

      test('a patch cannot change _id', async () => {
        await expectStoreError(store.update<Record<string, unknown>>('docs', 'u', { _id: 'other' }), 'invalid');
      });

      test('ifVersion: matching version succeeds, stale version conflicts and changes nothing', async () => {
        const v2 = await store.update('docs', 'u', { title: 'a' }, { ifVersion: 1 });
        expect(v2._version).toBe(2);
        await expectStoreError(store.update('docs', 'u', { title: 'b' }, { ifVersion: 1 }), 'conflict');
        expect(await store.get('docs', 'u')).toEqual(v2);
        expect((await store.update('docs', 'u', { title: 'c' }, { ifVersion: 2 }))._version).toBe(3);
      });

      test('update of a missing id or collection is not_found', async () => {
        await expectStoreError(store.update('docs', 'missing', { title: 'x' }), 'not_found');
        await expectStoreError(store.update('docs', 'missing', { title: 'x' }, { ifVersion: 1 }), 'not_found');
        await expectStoreError(store.update('never_created', 'u', { title: 'x' }), 'not_found');
      });

      test('remove, then get is null and a second remove is not_found', async () => {
        await store.remove('docs', 'u');
        expect(await store.get('docs', 'u')).toBeNull();
        expect(await store.count('docs')).toBe(0);
        await expectStoreError(store.remove('docs', 'u'), 'not_found');
        await expectStoreError(store.remove('never_created', 'u'), 'not_found');
      });

      test('an id can be reused after remove and starts again at version 1', async () => {
        await store.remove('docs', 'u');
        expect(await store.insert('docs', { _id: 'u', title: 'again' })).toEqual({ _id: 'u', _version: 1, title: 'again' });
      });
    });

    describe('transactions', () => {
      beforeEach(async () => {
        await store.insert('accounts', { _id: 'acc1', balance: 10 });
      });

      test('commit: all writes happen and the work\u2019s result is returned', async () => {
        const result = await store.transaction(async (tx) => {
          const acc = await tx.get<{ balance: number }>('accounts', 'acc1');
          if (acc === null) throw new Error('missing');
          await tx.update('accounts', 'acc1', { balance: acc.balance - 3 }, { ifVersion: acc._version });
          await tx.insert('ledger', { _id: 'l1', amount: 3 });
          await tx.insert('accounts', { _id: 'acc2', balance: 3 });
          return 'done';
        });
        expect(result).toBe('done');
        expect(await store.get('accounts', 'acc1')).toEqual({ _id: 'acc1', _version: 2, balance: 7 });
        expect(await store.get('accounts', 'acc2')).toEqual({ _id: 'acc2', _version: 1, balance: 3 });
        expect(await store.get('ledger', 'l1')).toEqual({ _id: 'l1', _version: 1, amount: 3 });
      });

      test('rollback: a throw inside work leaves nothing written and is rethrown as is', async () => {
        const boom = new Error('boom');
        let caught: unknown;
        try {
          await store.transaction(async (tx) => {
            await tx.update('accounts', 'acc1', { balance: 0 });
            await tx.insert('accounts', { _id: 'acc2', balance: 5 });
            await tx.remove('accounts', 'acc1');
            throw boom;
          });
        } catch (err) {
          caught = err;
        }
        expect(caught).toBe(boom);
        expect(await store.get('accounts', 'acc1')).toEqual({ _id: 'acc1', _version: 1, balance: 10 });
        expect(await store.get('accounts', 'acc2')).toBeNull();
        expect(await store.count('accounts')).toBe(1);
      });

      test('reads inside a transaction see its own writes', async () => {
        const seen = await store.transaction(async (tx) => {
          await tx.insert('accounts', { _id: 'acc2', balance: 1 });
          const inserted = await tx.get('accounts', 'acc2');
          const updated = await tx.update('accounts', 'acc1', { balance: 11 });
          const reread = await tx.get('accounts', 'acc1');
          await tx.remove('accounts', 'acc2');
          const removed = await tx.get('accounts', 'acc2');
          return { inserted, updated, reread, removed };
        });
        expect(seen.inserted).toEqual({ _id: 'acc2', _version: 1, balance: 1 });
        expect(seen.updated).toEqual({ _id: 'acc1', _version: 2, balance: 11 });
        expect(seen.reread).toEqual(seen.updated);
        expect(seen.removed).toBeNull();
        expect(await store.get('accounts', 'acc2')).toBeNull();
      });

      test('errors inside a transaction have the same codes and roll it back', async () => {
        await expectStoreError(store.transaction((tx) => tx.insert('accounts', { _id: 'acc1' })), 'duplicate');
        await expectStoreError(store.transaction((tx) => tx.update('accounts', 'nope', { balance: 1 })), 'not_found');
        await expectStoreError(store.transaction((tx) => tx.remove('accounts', 'nope')), 'not_found');
        await expectStoreError(
          store.transaction(async (tx) => {
            await tx.insert('accounts', { _id: 'acc3', balance: 0 });
            await tx.update('accounts', 'acc1', { balance: 1 }, { ifVersion: 5 });
          }),
          'conflict',
        );
        await expectStoreError(store.transaction((tx) => tx.get('bad-name', 'x')), 'invalid');
        expect(await store.get('accounts', 'acc3')).toBeNull();
        expect(await store.get('accounts', 'acc1')).toEqual({ _id: 'acc1', _version: 1, balance: 10 });
      });

      test('the transaction handle stops working once the transaction is over', async () => {
        let saved: TransactionStore | undefined;
        await store.transaction(async (tx) => {
          saved = tx;
        });
        await expectStoreError(saved!.get('accounts', 'acc1'), 'invalid');
      });

      test('a transaction with no writes commits fine', async () => {
        expect(await store.transaction(async (tx) => (await tx.get('accounts', 'acc1'))?._version)).toBe(1);
      });
    });

    describe('validation', () => {
      test.each<[string, Filter]>([
        ['dotted path', { 'a.b': 1 }],
        ['operator as field', { $where: 'x' } as unknown as Filter],
        ['dash', { 'bad-name': 1 }],
        ['leading digit', { '1abc': 1 }],
        ['space', { 'a b': 1 }],
        ['quote', { "a'b": 1 }],
        ['unknown operator', { n: { $regex: 'x' } } as unknown as Filter],
        ['$in without an array', { n: { $in: 5 } } as unknown as Filter],
        ['undefined condition', { n: undefined } as unknown as Filter],
        ['plain object value', { n: { a: 1 } } as unknown as Filter],
        ['array value', { n: [1, 2] } as unknown as Filter],
        ['empty operator object', { n: {} }],
        ['range on a boolean', { n: { $gt: true } } as unknown as Filter],
        ['NaN', { n: Number.NaN }],
      ])('filter with %s is rejected', async (_label, where) => {
        await expectStoreError(store.find('items', { where }), 'invalid');
        await expectStoreError(store.count('items', where), 'invalid');
      });

      test('bad sort fields, collection names and index fields are rejected', async () => {
        await expectStoreError(store.find('items', { orderBy: [['bad name', 'asc']] }), 'invalid');
        await expectStoreError(store.find('items', { orderBy: [['a.b', 'desc']] }), 'invalid');
        await expectStoreError(store.get('bad-coll', 'x'), 'invalid');
        await expectStoreError(store.find('bad coll'), 'invalid');
        await expectStoreError(store.insert('', { a: 1 }), 'invalid');
        await expectStoreError(store.ensureIndex('items', ['ok', 'no-no']), 'invalid');
        await expectStoreError(store.ensureIndex('items', []), 'invalid');
        await expectStoreError(store.ensureIndex('a;drop', ['x']), 'invalid');
      });

      test('bad documents and patches are rejected', async () => {
        await expectStoreError(store.insert('items', { 'a.b': 1 }), 'invalid');
        await expectStoreError(store.insert('items', { nested: { $x: 1 } }), 'invalid');
        await expectStoreError(store.insert('items', { when: new Date() }), 'invalid');
        await expectStoreError(store.insert('items', { n: Number.POSITIVE_INFINITY }), 'invalid');
        await expectStoreError(store.insert('items', { _id: '' }), 'invalid');
        await expectStoreError(store.insert('items', { _id: 5 } as unknown as { _id: string }), 'invalid');
        await store.insert('items', { _id: 'ok', n: 1 });
        await expectStoreError(store.update<Record<string, unknown>>('items', 'ok', { 'bad key': 1 }), 'invalid');
        await expectStoreError(store.update('items', 'ok', { n: 2 }, { ifVersion: 1.5 }), 'invalid');
        await expectStoreError(store.get('items', ''), 'invalid');
        expect(await store.count('items')).toBe(1);
      });
    });

    describe('unicode', () => {
      test('Chinese ids and values round-trip, match and sort by code unit', async () => {
        const doc = { _id: '公告-2024-001', title: '淄博市公共资源交易中心', body: '政府信息公开：招标公告', tags: ['政府', '公开'] };
        expect(await store.insert('notices', doc)).toEqual({ ...doc, _version: 1 });
        expect(await store.get('notices', '公告-2024-001')).toEqual({ ...doc, _version: 1 });
        await store.insert('notices', { _id: 'n2', title: '北京' });
        await store.insert('notices', { _id: 'n3', title: '上海' });
        expect((await store.find('notices', { where: { title: '淄博市公共资源交易中心' } })).map((d) => d._id)).toEqual(['公告-2024-001']);
        const titles = (await store.find<{ title: string }>('notices', { orderBy: [['title', 'asc']] })).map((d) => d.title);
        expect(titles).toEqual(['上海', '北京', '淄博市公共资源交易中心']);
        const updated = await store.update('notices', 'n2', { title: '北京市' });
        expect(updated).toEqual({ _id: 'n2', _version: 2, title: '北京市' });
      });
    });
  });
}
