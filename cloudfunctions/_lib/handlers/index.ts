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
import { searchHandlers } from './search';

export const handlers: HandlerRegistry = {
  portal: portalHandlers,
  catalogue: catalogueHandlers,
  report: reportHandlers,
  requests: requestsHandlers,
  notify: notifyHandlers,
  ratings: ratingsHandlers,
  consultations: consultationsHandlers,
  trading: tradingHandlers,
  search: searchHandlers,
};
