// Handlers of the `portal` function.
import { shanghaiDate } from '../../../src/domain/calendar/dates';
import { columnFreshness, DEFAULT_WARN_DAYS, FRESHNESS_CLASSES, SITE_LIMIT_DAYS, siteFreshness } from '../../../src/domain/freshness/rules';
import { AGENCY_PROFILE_ID, COLLECTIONS, type AgencyDoc } from '../collections';
import { STAFF_COLLECTION, type StaffRecord } from '../identity/caller';
import { PUBLICATION_COLLECTIONS, type SearchEntryDoc } from '../publication';
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

  async freshness(input, { deps }) {
    const today = shanghaiDate(deps.clock.now());
    const warnDays = input?.warnDays ?? DEFAULT_WARN_DAYS;
    const profile = await deps.store.get<AgencyDoc>(COLLECTIONS.agency, AGENCY_PROFILE_ID);
    if (!profile) throw new AppError('NOT_FOUND', '机构信息尚未配置');
    // Last update = the newest search-index entry (publishing writes one for every public item).
    // Entries dated after today (an open day announced for next month) do not make a column fresh.
    const newest = async (column?: string) =>
      (
        await deps.store.find<SearchEntryDoc>(PUBLICATION_COLLECTIONS.searchIndex, {
          where: { ...(column ? { column } : {}), date: { $lte: today } },
          orderBy: [['date', 'desc']],
          limit: 1,
        })
      )[0] ?? null;
    const columns = await Promise.all(
      profile.columns
        .filter((column) => column.freshness)
        .map(async (column) => {
          const cls = column.freshness!;
          const entry = await newest(column.key);
          return {
            key: column.key,
            title: column.title,
            freshness: cls,
            classLabel: FRESHNESS_CLASSES[cls].label,
            limitLabel: FRESHNESS_CLASSES[cls].limitLabel,
            lastUpdate: entry?.date ?? null,
            ...(entry ? { lastTitle: entry.title } : {}),
            ...columnFreshness(cls, entry?.date ?? null, today, warnDays),
          };
        }),
    );
    const order = { stale: 0, empty: 1, dueSoon: 2, fresh: 3 } as const;
    columns.sort((a, b) => order[a.state] - order[b.state] || (a.daysLeft ?? -1e6) - (b.daysLeft ?? -1e6));
    const latest = await newest();
    return {
      today,
      warnDays,
      site: { ...siteFreshness(latest?.date ?? null, today, warnDays), lastUpdate: latest?.date ?? null, limitDays: SITE_LIMIT_DAYS },
      columns,
    };
  },
});
