// The registry of every cloud function's contract: the single source the client, the functions, the
import type { ActionContract } from './core';
// gateway and the API reference are built from.
import { catalogueContract } from './catalogue';
import { portalContract } from './portal';
import { reportContract } from './report';
import { requestsContract } from './requests';
import { notifyContract } from './notify';
import { ratingsContract } from './ratings';
import { consultationsContract } from './consultations';
import { tradingContract } from './trading';
import { subscriptionsContract } from './subscriptions';
import { articlesContract } from './articles';
import { policiesContract } from './policies';
import { openDaysContract } from './open-days';
import { guidesContract } from './guides';
import { searchContract } from './search';
import { questionsContract } from './questions';
import { correctionsContract } from './corrections';

export const contracts = {
  portal: portalContract,
  catalogue: catalogueContract,
  report: reportContract,
  requests: requestsContract,
  notify: notifyContract,
  ratings: ratingsContract,
  consultations: consultationsContract,
  trading: tradingContract,
  subscriptions: subscriptionsContract,
  articles: articlesContract,
  policies: policiesContract,
  openDays: openDaysContract,
  guides: guidesContract,
  search: searchContract,
  questions: questionsContract,
  corrections: correctionsContract,
} as const;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F]['actions'] & string;
type ActionOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F]['actions'][A];
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = ActionOf<F, A> extends { input: infer I }
  ? I extends { _zod: { input: infer V } }
    ? V
    : never
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = ActionOf<F, A> extends { output: infer O }
  ? O extends { _zod: { output: infer V } }
    ? V
    : never
  : never;

export const FUNCTION_NAMES = Object.keys(contracts) as FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}

/** Untyped lookup for hosts that route by name (the router, the client); undefined when unknown. */
export function findActionContract(functionName: string, action: string): ActionContract | undefined {
  if (!isFunctionName(functionName)) return undefined;
  const actions: Record<string, ActionContract> = contracts[functionName].actions;
  return Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}
