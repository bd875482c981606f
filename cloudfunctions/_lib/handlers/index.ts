// Every function's handlers, keyed like the contract registry: adding a contract without handlers
// fails the type-check here.
import type { HandlerRegistry } from '../router';
import { catalogueHandlers } from './catalogue';
import { portalHandlers } from './portal';
import { reportHandlers } from './report';
import { requestsHandlers } from './requests';
import { notifyHandlers } from './notify';
import { ratingsHandlers } from './ratings';
import { consultationsHandlers } from './consultations';
import { tradingHandlers } from './trading';
import { subscriptionsHandlers } from './subscriptions';
import { articlesHandlers } from './articles';
import { policiesHandlers } from './policies';
import { openDaysHandlers } from './open-days';
import { guidesHandlers } from './guides';
import { searchHandlers } from './search';
import { questionsHandlers } from './questions';
import { correctionsHandlers } from './corrections';

export const handlers: HandlerRegistry = {
  portal: portalHandlers,
  catalogue: catalogueHandlers,
  report: reportHandlers,
  requests: requestsHandlers,
  notify: notifyHandlers,
  ratings: ratingsHandlers,
  consultations: consultationsHandlers,
  trading: tradingHandlers,
  subscriptions: subscriptionsHandlers,
  articles: articlesHandlers,
  policies: policiesHandlers,
  openDays: openDaysHandlers,
  guides: guidesHandlers,
  search: searchHandlers,
  questions: questionsHandlers,
  corrections: correctionsHandlers,
};
