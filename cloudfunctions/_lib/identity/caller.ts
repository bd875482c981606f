// Who is calling: the WeChat identity from the runtime (never from the request body) plus the staff
// roles the `staff` collection grants that identity.
import { STAFF_ROLES, type StaffRole } from '../../../src/contracts/core';
import type { DocumentStore } from '../ports/store';

/** The identity the runtime vouches for: CloudBase's WeChat context, or the local gateway's session. */
export interface RuntimeIdentity {
  openid: string | null;
  appid?: string;
  /** Set by the runtime (never the event) when a scheduled trigger, not a person, invokes the function. */
  trigger?: 'timer';
}

export interface Caller {
  openid: string | null;
  roles: StaffRole[];
  trigger?: 'timer';
}

export interface StaffRecord {
  name: string;
  roles: StaffRole[];
}

export const STAFF_COLLECTION = 'staff';

/** Staff records are keyed by OPENID in both modes. */
export async function resolveCaller(store: DocumentStore, identity: RuntimeIdentity): Promise<Caller> {
  const trigger = identity.trigger ? { trigger: identity.trigger } : {};
  if (!identity.openid) return { openid: null, roles: [], ...trigger };
  const staff = await store.get<StaffRecord>(STAFF_COLLECTION, identity.openid);
  const roles = (staff?.roles ?? []).filter((role): role is StaffRole => STAFF_ROLES.includes(role));
  return { openid: identity.openid, roles, ...trigger };
}
