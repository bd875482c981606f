// Handlers of the `portal` function.
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import { AppError, defineHandlers } from '../router';

export const portalHandlers = defineHandlers('portal', {
  async getProfile(_input, { deps }) {
    const profile = await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
    if (!profile) throw new AppError('NOT_FOUND', '机构信息尚未配置');
    return profile;
  },
});
