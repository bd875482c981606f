import { handlers } from '../../cloudfunctions/_lib/handlers';
import { AppError, denialFor, dispatch, type HandlerRegistry } from '../../cloudfunctions/_lib/router';
import { testDeps } from '../support/seeded-store';

const anonymous = { openid: null };
const citizen = { openid: 'local-citizen-a' };

describe('router', () => {
  it('answers a public action with data shaped by its contract', async () => {
    const deps = await testDeps();
    const answer = await dispatch(handlers, deps, { functionName: 'portal', event: { action: 'getProfile' }, identity: anonymous });
    expect(answer).toMatchObject({ ok: true, data: { name: '淄博市公共资源交易中心', postcode: '255000' } });
  });

  it.each([
    ['an unknown function', 'nope', { action: 'x' }, 'UNKNOWN_FUNCTION'],
    ['a missing action', 'portal', { input: {} }, 'BAD_REQUEST'],
    ['a non-object event', 'portal', 'getProfile', 'BAD_REQUEST'],
    ['an unknown action', 'portal', { action: 'dropTables' }, 'UNKNOWN_ACTION'],
    ['a prototype key as action', 'portal', { action: '__proto__' }, 'UNKNOWN_ACTION'],
    ['input of the wrong type', 'catalogue', { action: 'getItem', input: { id: 42 } }, 'VALIDATION_FAILED'],
    ['an id with path characters', 'catalogue', { action: 'getItem', input: { id: '../etc' } }, 'VALIDATION_FAILED'],
    ['a missing item', 'catalogue', { action: 'getItem', input: { id: 'nope' } }, 'NOT_FOUND'],
    ['a report year not published', 'report', { action: 'getReport', input: { year: 2019 } }, 'NOT_FOUND'],
  ])('refuses %s with a stable code and a Chinese message', async (_what, functionName, event, code) => {
    const deps = await testDeps();
    const answer = await dispatch(handlers, deps, { functionName, event, identity: citizen });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lists every field that failed validation, with its path', async () => {
    const deps = await testDeps();
    const answer = await dispatch(handlers, deps, {
      functionName: 'catalogue',
      event: { action: 'listItems', input: { categoryId: '', limit: 500 } },
      identity: citizen,
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.issues?.map((i) => i.path).sort()).toEqual(['categoryId', 'limit']);
    expect(answer.error.message).toContain('：');
  });

  it('strips fields the output contract does not name, and hides internal errors', async () => {
    const deps = await testDeps();
    const leaky = {
      ...handlers,
      portal: {
        async getProfile() {
          const profile = await deps.store.get('agency', 'profile');
          return { ...profile, secretNote: 'internal' };
        },
      },
      report: {
        ...handlers.report,
        async listReports() {
          throw new Error('database exploded at /srv/app.js:12');
        },
      },
    } as unknown as HandlerRegistry;
    const ok = await dispatch(leaky, deps, { functionName: 'portal', event: { action: 'getProfile' }, identity: anonymous });
    expect(ok.ok && 'secretNote' in (ok.data as object)).toBe(false);
    const failed = await dispatch(leaky, deps, { functionName: 'report', event: { action: 'listReports' }, identity: anonymous });
    expect(failed).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } });
    expect(deps.log.lines.join('\n')).toContain('database exploded');
  });

  it('passes AppError codes and messages through', async () => {
    const deps = await testDeps();
    const registry = { ...handlers, portal: { getProfile: async () => Promise.reject(new AppError('CONFLICT', '已被处理')) } } as unknown as HandlerRegistry;
    const answer = await dispatch(registry, deps, { functionName: 'portal', event: { action: 'getProfile' }, identity: citizen });
    expect(answer).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已被处理' } });
  });
});

describe('access rules', () => {
  const staffOnly = { kind: 'staff', roles: ['reviewer'] } as const;
  it.each([
    [{ kind: 'public' } as const, { openid: null, roles: [] }, null],
    [{ kind: 'citizen' } as const, { openid: null, roles: [] }, 'UNAUTHENTICATED'],
    [{ kind: 'citizen' } as const, { openid: 'u1', roles: [] }, null],
    [staffOnly, { openid: null, roles: [] }, 'UNAUTHENTICATED'],
    [staffOnly, { openid: 'u1', roles: [] }, 'FORBIDDEN'],
    [staffOnly, { openid: 'u2', roles: ['clerk'] as const }, 'FORBIDDEN'],
    [staffOnly, { openid: 'u3', roles: ['reviewer'] as const }, null],
  ])('%j for %j → %s', (access, caller, expected) => {
    expect(denialFor(access, { ...caller, roles: [...caller.roles] })).toBe(expected);
  });

  it('takes roles from the staff collection, not from the event', async () => {
    const deps = await testDeps();
    const { resolveCaller } = await import('../../cloudfunctions/_lib/identity/caller');
    await expect(resolveCaller(deps.store, { openid: 'local-staff-reviewer' })).resolves.toEqual({ openid: 'local-staff-reviewer', roles: ['reviewer'] });
    await expect(resolveCaller(deps.store, { openid: 'local-citizen-a' })).resolves.toEqual({ openid: 'local-citizen-a', roles: [] });
  });
});
