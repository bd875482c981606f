// Dispatches one event to one action: parse with the shared contract, resolve and check the caller,
// run the handler, check the answer against the contract, and map every failure to a stable code
// and a Chinese message. Served identically by the CloudBase entry and the local gateway.
import { type contracts, findActionContract, isFunctionName, type ActionName, type ActionOutput, type FunctionName } from '../../src/contracts';
import { ERROR_CODES, EVENT_TOO_DEEP_MESSAGE, MAX_EVENT_DEPTH, eventSchema, nestsDeeperThan, issuesFromZod, type Access, type ApiError, type Envelope, type ErrorCode, type ErrorIssue } from '../../src/contracts/core';
import { resolveCaller, type Caller, type RuntimeIdentity } from './identity/caller';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { ContentChecker } from './ports/content-check';
import type { FileStore } from './ports/files';
import type { MessageSender } from './ports/messages';
import type { ProvincialRatingSystem } from './ports/provincial-ratings';
import type { PublicAccountFeed } from './ports/public-account';
import { StoreError, type DocumentStore } from './ports/store';
import type { PiiCipher } from './pii';

/** The outside world as handlers see it. */
export interface Deps {
  store: DocumentStore;
  clock: Clock;
  log: Logger;
  sender: MessageSender;
  contentCheck: ContentChecker;
  provincial: ProvincialRatingSystem;
  /** Files the client uploaded to storage (the functions only check and link them). */
  files: FileStore;
  /** The public account's published articles; absent where no account is configured. */
  feed?: PublicAccountFeed;
  /** Seals personal data (ID numbers, phones) at rest; absent in in-process harnesses (see pii.ts). */
  pii?: PiiCipher;
}

export interface HandlerContext {
  caller: Caller;
  deps: Deps;
}

export type Handler<F extends FunctionName, A extends ActionName<F>> = (
  input: ActionOutputOfInput<F, A>,
  context: HandlerContext,
) => Promise<ActionOutput<F, A>>;
/** Handlers receive the parsed input (defaults applied), i.e. the schema's output type. */
type ActionOutputOfInput<F extends FunctionName, A extends ActionName<F>> = Contracts<F, A> extends { input: { _zod: { output: infer V } } } ? V : never;
type Contracts<F extends FunctionName, A extends ActionName<F>> = (typeof contracts)[F]['actions'][A];

export type FunctionHandlers<F extends FunctionName> = { [A in ActionName<F>]: Handler<F, A> };
export type HandlerRegistry = { [F in FunctionName]: FunctionHandlers<F> };

/** A failure a handler reports on purpose: the code is stable, the message is for the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function fail(code: ErrorCode, message?: string, issues?: ErrorIssue[]): Envelope<never> {
  const error: ApiError = { code, message: message ?? ERROR_CODES[code] };
  if (issues && issues.length > 0) error.issues = issues;
  return { ok: false, error };
}


/** Why a caller may not run an action, or null when it may. */
export function denialFor(access: Access, caller: Caller): ErrorCode | null {
  switch (access.kind) {
    case 'public':
      return null;
    case 'system':
      return caller.trigger === 'timer' ? null : 'FORBIDDEN';
    case 'citizen':
      return caller.openid ? null : 'UNAUTHENTICATED';
    case 'staff':
      if (!caller.openid) return 'UNAUTHENTICATED';
      return Array.isArray(access.roles) && caller.roles.some((role) => access.roles.includes(role)) ? null : 'FORBIDDEN';
    default:
      // A declaration the router does not know (or none at all) fails closed.
      return 'FORBIDDEN';
  }
}

export interface DispatchRequest {
  functionName: string;
  event: unknown;
  identity: RuntimeIdentity;
}

export async function dispatch(registry: HandlerRegistry, deps: Deps, request: DispatchRequest): Promise<Envelope<unknown>> {
  const { functionName } = request;
  if (!isFunctionName(functionName)) return fail('UNKNOWN_FUNCTION', `服务“${functionName.slice(0, 40)}”不存在`);

  if (nestsDeeperThan(request.event, MAX_EVENT_DEPTH)) return fail('BAD_REQUEST', EVENT_TOO_DEEP_MESSAGE);
  const event = eventSchema.safeParse(request.event);
  if (!event.success) return fail('BAD_REQUEST', '请求格式不正确：需要 action 字段', issuesFromZod(event.error));
  const { action } = event.data;

  const contract = findActionContract(functionName, action);
  const handler = (registry[functionName] as Record<string, (input: unknown, ctx: HandlerContext) => Promise<unknown>>)[action];
  if (!contract || !handler) return fail('UNKNOWN_ACTION', `操作“${action}”不存在`);

  try {
    // Access first: a caller who may not run the action learns nothing about its input (not even
    // which fields it has), and the answer to a denied call never depends on what was sent.
    const caller = await resolveCaller(deps.store, request.identity);
    const denial = denialFor(contract.access, caller);
    if (denial) return fail(denial);

    const input = contract.input.safeParse(event.data.input);
    if (!input.success) {
      const issues = issuesFromZod(input.error);
      return fail('VALIDATION_FAILED', `${ERROR_CODES.VALIDATION_FAILED}：${issues[0]?.message ?? ''}`, issues);
    }

    const result = await handler(input.data, { caller, deps });
    // The output schema also strips any field it does not name: nothing internal leaks by accident.
    const output = contract.output.safeParse(result);
    if (!output.success) {
      deps.log.error('handler returned data outside its contract', { function: functionName, action, issues: issuesFromZod(output.error).map((i) => i.path).join(',') });
      return fail('INTERNAL');
    }
    return { ok: true, data: output.data };
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.issues);
    if (error instanceof StoreError) {
      const code: ErrorCode = error.code === 'not_found' ? 'NOT_FOUND' : error.code === 'conflict' || error.code === 'duplicate' ? 'CONFLICT' : 'UNAVAILABLE';
      if (code === 'UNAVAILABLE') deps.log.error('store unavailable', { function: functionName, action, reason: error.message });
      return fail(code);
    }
    deps.log.error('unhandled error', { function: functionName, action, error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : typeof error });
    return fail('INTERNAL');
  }
}

/** For typing handler modules one function at a time. */
export function defineHandlers<F extends FunctionName>(_name: F, handlers: FunctionHandlers<F>): FunctionHandlers<F> {
  return handlers;
}
