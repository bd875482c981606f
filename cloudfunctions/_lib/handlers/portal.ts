// Handlers of the `portal` function.
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import { STAFF_COLLECTION, type StaffRecord } from '../identity/caller';
import { AppError, defineHandlers } from '../router';

export const portalHandlers = defineHandlers('portal', {
  async getProfile(_input, { deps }) {
    const profile = await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
    if (!profile) throw new AppError('NOT_FOUND', '机构信息尚未配置');
    return profile;
  },

  async whoami(_input, { caller, deps }) {
    const today = shanghaiDate(deps.clock.now());
    if (!caller.openid) return { signedIn: false, roles: [], today };
    const staff = caller.roles.length > 0 ? await deps.store.get<StaffRecord>(STAFF_COLLECTION, caller.openid) : null;
    return { signedIn: true, roles: caller.roles, ...(staff?.name ? { staffName: staff.name } : {}), today };
  },
});
