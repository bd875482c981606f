// Fast self-check of `npm run bench`'s parts (the bench itself is not part of `npm test`): the year's
// volume writes through the store port into documents the real handlers read, and the gateway's extra
// bench citizens are ordinary citizens with their own OPENIDs, only when asked for.
import { seedYearVolume, YEAR_VOLUME } from '../../scripts/bench-volume';
import { benchCitizens, findPersona } from '../../cloudfunctions/_local/personas';
import { testDeps } from '../support/seeded-store';
import { caller, expectOk } from '../support/call';

describe('bench volume', () => {
  it('is at least a year of the centre: 25,000 announcements, 10,000 applications, 50,000 ratings', () => {
    expect(YEAR_VOLUME.projects * 4).toBeGreaterThanOrEqual(25_000);
    expect(YEAR_VOLUME.requests).toBeGreaterThanOrEqual(10_000);
    expect(YEAR_VOLUME.ratings).toBeGreaterThanOrEqual(50_000);
  });

  it('writes chains, search entries, requests and ratings the handlers serve', async () => {
    const deps = await testDeps();
    const call = caller(deps);
    const seeded = await seedYearVolume(deps.store, '2026-11-29', { projects: 10, requests: 12, ratings: 15 });
    expect(seeded).toEqual({ projects: 10, notices: 30, searchEntries: 30, requests: 12, ratings: 15 });

    const chain = expectOk(await call('anonymous', 'trading', 'getChain', { projectId: 'bench-prj-000004' }));
    expect(chain.notices).toHaveLength(5);
    const list = expectOk(await call('anonymous', 'trading', 'listProjects', {}));
    expect(list.items.length).toBeGreaterThan(0);
    const found = expectOk(await call('anonymous', 'search', 'query', { q: '污水管网' }));
    expect(found.total).toBeGreaterThan(0);
    expect(await deps.store.count('ratings', {})).toBeGreaterThanOrEqual(15);
    expect(await deps.store.count('infoRequests', { ownerOpenid: 'bench-applicant-3' })).toBe(1);
    await deps.store.close();
  });

  it('bench citizens exist only within the count asked for, as plain citizens', () => {
    const resolve = benchCitizens(3);
    expect(resolve('bench-2')).toEqual({ key: 'bench-2', label: '压测市民2', openid: 'local-bench-2', staffRoles: [] });
    expect(resolve('bench-3')).toBeUndefined();
    expect(resolve('admin')).toBeUndefined();
    expect(findPersona('bench-0')).toBeUndefined();
  });
});
