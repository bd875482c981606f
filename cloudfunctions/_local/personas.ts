// Local mode only: the people a developer or tester can act as. Each persona has a stable OPENID;
// staff personas are written to the `staff` collection, which is where roles really come from.
import type { StaffRole } from '../../src/contracts/core';
import { STAFF_COLLECTION, type StaffRecord } from '../_lib/identity/caller';
import type { DocumentStore } from '../_lib/ports/store';

export interface Persona {
  key: string;
  label: string;
  openid: string | null;
  staffRoles: StaffRole[];
}

export const PERSONAS: readonly Persona[] = [
  { key: 'citizenA', label: '市民甲', openid: 'local-citizen-a', staffRoles: [] },
  { key: 'citizenB', label: '市民乙', openid: 'local-citizen-b', staffRoles: [] },
  { key: 'clerk', label: '受理员', openid: 'local-staff-clerk', staffRoles: ['clerk'] },
  { key: 'reviewer', label: '审核人', openid: 'local-staff-reviewer', staffRoles: ['reviewer'] },
  { key: 'admin', label: '管理员', openid: 'local-staff-admin', staffRoles: ['admin'] },
  { key: 'anonymous', label: '未登录访客', openid: null, staffRoles: [] },
];

/** In WeChat every caller has an OPENID, so a new session starts as an ordinary citizen. */
export const DEFAULT_PERSONA = 'citizenA';

export function findPersona(key: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.key === key);
}

/**
 * `npm run bench` only (LOCAL_BENCH_CITIZENS=n on the gateway): `bench-0` … `bench-<n-1>` are extra
 * ordinary citizens, so the submit benchmark can rate as many distinct people as WeChat would have.
 */
export function benchCitizens(count: number): (key: string) => Persona | undefined {
  return (key) => {
    const match = /^bench-(\d{1,6})$/.exec(key);
    const n = match ? Number(match[1]) : -1;
    return n >= 0 && n < count ? { key, label: `压测市民${n}`, openid: `local-bench-${n}`, staffRoles: [] } : undefined;
  };
}

export async function ensureLocalStaff(store: DocumentStore): Promise<void> {
  for (const persona of PERSONAS) {
    if (!persona.openid || persona.staffRoles.length === 0) continue;
    if (await store.get(STAFF_COLLECTION, persona.openid)) continue;
    const record: StaffRecord & { _id: string } = { _id: persona.openid, name: `${persona.label}（本地演示）`, roles: persona.staffRoles };
    await store.insert(STAFF_COLLECTION, record);
  }
}
