// Contract of the `portal` cloud function: the agency's profile and its columns (data, not code, so
// another agency can run the product with its own profile).
import * as z from 'zod/mini';
import { defineAction, defineFunction } from './core';

export const columnSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** `available` columns open a page; `planned` ones are shown as coming soon. */
  status: z.enum(['available', 'planned']),
  /** Mini-app route for available columns. */
  route: z.optional(z.string()),
  /** Freshness class for the radar (news 14 days; notice/policy 6 months; planning 1 year); absent when the column does not publish. */
  freshness: z.optional(z.enum(['news', 'notice', 'policy', 'planning'])),
});
export type Column = z.infer<typeof columnSchema>;

export const agencyProfileSchema = z.object({
  name: z.string(),
  shortName: z.string(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  /** Where the contact figures were read (e.g. the 2023 annual report's preamble). */
  source: z.string(),
  columns: z.array(columnSchema),
});
export type AgencyProfile = z.infer<typeof agencyProfileSchema>;

export const whoamiSchema = z.object({
  signedIn: z.boolean(),
  /** Staff roles of the caller (from the staff collection); empty for citizens. */
  roles: z.array(z.enum(['clerk', 'reviewer', 'admin'])),
  staffName: z.optional(z.string()),
  /** Today in Asia/Shanghai by the server's clock: forms default their dates to it, not to the device's. */
  today: z.string(),
});
export type Whoami = z.infer<typeof whoamiSchema>;

const freshnessVerdictSchema = z.object({
  state: z.enum(['fresh', 'dueSoon', 'stale', 'empty']),
  stateLabel: z.string(),
  due: z.nullable(z.string()),
  daysLeft: z.nullable(z.int()),
});

export const freshnessRadarSchema = z.object({
  today: z.string(),
  warnDays: z.int(),
  /** The app as a whole: two weeks without any update fails the inspection. */
  site: z.extend(freshnessVerdictSchema, { lastUpdate: z.nullable(z.string()), limitDays: z.int() }),
  columns: z.array(
    z.extend(freshnessVerdictSchema, {
      key: z.string(),
      title: z.string(),
      freshness: z.string(),
      classLabel: z.string(),
      limitLabel: z.string(),
      lastUpdate: z.nullable(z.string()),
      /** The newest item's title, so staff see what dates the column. */
      lastTitle: z.optional(z.string()),
    }),
  ),
});
export type FreshnessRadar = z.infer<typeof freshnessRadarSchema>;

export const portalContract = defineFunction({
  name: 'portal',
  summary: '机构信息与栏目',
  actions: {
    getProfile: defineAction({
      summary: 'The agency profile: name, contact details and columns.',
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: agencyProfileSchema,
    }),
    whoami: defineAction({
      summary: "The caller's sign-in state and staff roles, so the app can offer the staff console.",
      access: { kind: 'public' },
      input: z.optional(z.object({})),
      output: whoamiSchema,
    }),
    freshness: defineAction({
      summary: 'Staff: the freshness radar — each column against its class, and the whole app against two weeks without updates.',
      access: { kind: 'staff', roles: ['clerk', 'reviewer', 'admin'] },
      input: z.optional(z.object({ warnDays: z.optional(z.int().check(z.gte(0), z.lte(60))) })),
      output: freshnessRadarSchema,
    }),
  },
});
