// Contract building blocks shared by the mini-app, the cloud functions and the local gateway.
// Isomorphic: zod/mini and plain TypeScript only (no Taro, no SDK, no Node built-ins), because this
// code ships inside the mini-program, where every kilobyte counts (zod/mini is far smaller than zod).
import * as z from 'zod/mini';
import { zhCN } from 'zod/locales';

// Validation messages default to Chinese everywhere the contracts are used; fields that a person
// fills in carry their own, more specific message.
z.config(zhCN());

/** Who may call an action. Checked by the router before the handler runs. */
export type StaffRole = 'clerk' | 'reviewer' | 'admin';
export const STAFF_ROLES: readonly StaffRole[] = ['clerk', 'reviewer', 'admin'];
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { clerk: '受理员', reviewer: '审核人', admin: '管理员' };

export type Access =
  | { kind: 'public' }
  /** Any caller with a WeChat identity (OPENID). */
  | { kind: 'citizen' }
  /** Staff holding at least one of the roles. */
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** Scheduled triggers only (no person): the runtime says so, never the event. */
  | { kind: 'system' };

export interface ActionContract<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType> {
  summary: string;
  access: Access;
  input: I;
  output: O;
}

export function defineAction<I extends z.ZodMiniType, O extends z.ZodMiniType>(
  contract: ActionContract<I, O>,
): ActionContract<I, O> {
  return contract;
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: string;
  summary: string;
  actions: A;
}

export function defineFunction<A extends Record<string, ActionContract>>(contract: FunctionContract<A>): FunctionContract<A> {
  return contract;
}

/** Stable error codes: programs branch on these; people read the Chinese message. */
export const ERROR_CODES = {
  BAD_REQUEST: '请求格式不正确',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  UNKNOWN_FUNCTION: '请求的服务不存在',
  UNKNOWN_ACTION: '请求的操作不存在',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '请求的内容不存在或已删除',
  CONFLICT: '内容已被他人修改，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '系统繁忙，请稍后重试',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export const errorIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorSchema = z.object({
  code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.optional(z.array(errorIssueSchema)),
});
export type ApiError = z.infer<typeof errorSchema>;

/** What every cloud function answers. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The event every cloud function receives, on CloudBase and through the local gateway alike. */
export const eventSchema = z.object({
  action: z.string().check(z.minLength(1), z.maxLength(64)),
  input: z.optional(z.unknown()),
});
export type CallEvent = z.infer<typeof eventSchema>;

/** Request bodies above this size are refused before parsing (CloudBase's own limit is 6 MB). */
export const MAX_EVENT_BYTES = 256 * 1024;

/** Events nested deeper than this (objects and arrays) are refused; no contract comes close. */
export const MAX_EVENT_DEPTH = 32;
export const EVENT_TOO_DEEP_MESSAGE = `请求格式不正确：内容嵌套超过 ${MAX_EVENT_DEPTH} 层`;

/** Whether a value nests objects/arrays deeper than `max` (iterative: safe on any depth). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

// Reusable field schemas.
export const idSchema = z.string().check(z.minLength(1, '编号不能为空'), z.maxLength(64, '编号过长'), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));
export const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));
export const pageLimitSchema = z.optional(z.int().check(z.gte(1, '每页条数至少为 1'), z.lte(50, '每页条数最多为 50')));
/** Opaque keyset cursor returned by a previous page. */
export const cursorSchema = z.optional(z.nullable(z.string().check(z.maxLength(200, '分页参数不正确'))));

/** Zod issues as the envelope carries them: one message per field (the first), at most 20. */
export function issuesFromZod(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): ErrorIssue[] {
  const byPath = new Map<string, string>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!byPath.has(path)) byPath.set(path, issue.message);
  }
  return [...byPath].slice(0, 20).map(([path, message]) => ({ path, message }));
}
