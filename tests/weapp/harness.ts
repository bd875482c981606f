// Runs the production weapp build (dist/weapp) in plain Node, the way a phone's app service would:
// a fresh vm context per launch holding only what WeChat gives app code, a CommonJS `require`
// rooted at the build, a `wx` with phone-like answers and `wx.cloud.callFunction` wired to the
// project's real cloud-function handlers over a temporary SQLite store, a page stack with the page
// lifecycle, setData applied by data path and audited, the view rebuilt from each page's data
// through the build's own templates, and taps/inputs routed to the bound `eh` handlers.
// See /work/shared/notes/platform.md ("Running the weapp build itself in Node").
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { format } from 'node:util';
import vm from 'node:vm';
import { VirtualClock } from './lib/clock';
import { CloudBackend } from './lib/cloud';
import { applyDataPath, auditSetDataValue, parseDataPath, pathsOverlap, payloadBytes, type PathSegment, type SetDataIssue } from './lib/data-path';
import { RejectionTracker } from './lib/rejections';
import { renderOwner, type ComponentMount, type RenderHost, type RenderOwner } from './lib/render';
import { treeStats, ViewNode, type NodeSelector, type TreeStats } from './lib/view';
import { compileWithWcc, normaliseText, renderTextWithWcc, wccAvailability } from './lib/wcc';
import { createWx, describeError, WxFail, type AnyOptions, type ModalAnswer, type RequestAnswer, type WxCall } from './lib/wx-api';
import { resolveBuildPath, WxmlLibrary } from './lib/wxml';

export { CloudBackend } from './lib/cloud';
export { ViewNode, type NodeSelector, type TreeStats } from './lib/view';
export type { WxCall } from './lib/wx-api';

export const PROJECT_ROOT = join(__dirname, '../..');
/** The build under test: dist/weapp, or WEAPP_BUILD_DIR when set (e.g. a build made elsewhere). */
export const DEFAULT_BUILD_DIR = process.env.WEAPP_BUILD_DIR ?? join(PROJECT_ROOT, 'dist/weapp');
/** WeChat's audit advice for one setData call. */
export const SETDATA_AUDIT_LIMIT = 256 * 1024;
/** WeChat refuses a setData payload above this. */
export const SETDATA_HARD_LIMIT = 1024 * 1024;
const MAX_PAGE_STACK = 10;
/** Browser names WeChat's module wrapper passes as `undefined` parameters to every app file. */
const SHADOWED_GLOBALS = ['window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter', 'webkit', 'WeixinJSCore'];
/** WeChat's bubbling events; every other event (change, input, scroll…) stays on its element. */
const BUBBLING_EVENTS = new Set(['touchstart', 'touchmove', 'touchcancel', 'touchend', 'tap', 'longpress', 'longtap', 'transitionend', 'animationstart', 'animationiteration', 'animationend', 'touchforcechange']);

export interface Problem {
  kind: 'error' | 'unhandled-rejection' | 'console.error' | 'setData' | 'template' | 'render' | 'unsupported' | 'request' | 'lifecycle' | 'event' | 'cloud' | 'module';
  message: string;
  route?: string;
}

export class WeappProblemError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the weapp build misbehaved (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - [${p.kind}]${p.route ? ` ${p.route}:` : ''} ${p.message}`).join('\n')}`);
    this.name = 'WeappProblemError';
  }
}

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list?: Array<{ pagePath: string }> };
  window?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface LaunchOptions {
  /** Entry route (default: the first page of app.json), with or without a leading slash. */
  path?: string;
  query?: Record<string, string>;
  /** A build folder (default dist/weapp). */
  buildDir?: string;
  /** The phone's storage; pass the same Map to a later launch to keep it (default: empty). */
  storage?: Map<string, string>;
  /** A shared cloud backend (default: a fresh seeded one, closed with the harness). */
  cloud?: CloudBackend;
  /** The simulated user's OPENID for cloud calls (default: the local persona 市民甲). */
  openid?: string | null;
  /** Allow console.error from app code: true, or a filter returning true for allowed messages. */
  allowConsoleError?: boolean | ((message: string) => boolean);
  /** Allow error lines in the cloud functions' log (default: they fail the test). */
  allowServerErrors?: boolean;
  /** Answers wx.request (default: any wx.request fails the test). */
  request?: (options: AnyOptions) => RequestAnswer | Promise<RequestAnswer>;
  /** Answers wx.showModal (default: confirm). */
  modal?: (options: AnyOptions) => ModalAnswer;
  /** Virtual network latency of one cloud call, in ms (default 30). */
  cloudLatencyMs?: number;
  /** Render each settled page through WeChat's wcc and compare the text (default true). */
  templateCheck?: boolean;
  /** Print the app's console output (default false; it is always kept in `consoleLines`). */
  echoConsole?: boolean;
}

/** A dropped connection for `failCloudCalls`: which calls it hits, how often, and at which point. */
export interface CloudFault {
  /** Only calls of this function (default: any). */
  name?: string;
  /** Only calls whose event has this `action` (default: any). */
  action?: string;
  /** How many matching calls fail (default 1). */
  times?: number;
  /**
   * 'before': the call never reaches the function (default). 'after': the function runs and
   * commits, but its answer is lost on the way back, as with a timeout on a slow network.
   */
  when?: 'before' | 'after';
}

export interface PageStats {
  setDataCalls: number;
  maxSetDataBytes: number;
  totalSetDataBytes: number;
  /** The latest render. */
  current: TreeStats;
  /** The largest seen over the page's life. */
  maxNodes: number;
  maxDepth: number;
  maxChildren: number;
}

interface ComponentDefinition {
  path: string;
  options: Record<string, unknown>;
  usingComponents: Record<string, string>;
  virtualHost: boolean;
}

interface PageDefinition {
  route: string;
  options: Record<string, unknown>;
  usingComponents: Record<string, string>;
}

type Instance = Record<string, unknown> & { data: Record<string, unknown> };
type WebpackRequire = ((id: string) => unknown) & { m?: Record<string, unknown> };
interface TaroDocument {
  getElementById(id: string): { dataset?: Record<string, unknown> } | null;
}

class ComponentRecord implements RenderOwner {
  readonly kind = 'component' as const;
  pendingPaths: PathSegment[][] = [];
  sourcePath: PathSegment[] | null = null;
  attached = false;

  constructor(
    readonly key: string,
    readonly tag: string,
    readonly definition: ComponentDefinition,
    readonly page: WeappPage,
    readonly instance: Instance,
  ) {}

  get name(): string {
    return this.definition.path;
  }
  get wxml(): string {
    return `${this.definition.path}.wxml`;
  }
  get usingComponents(): Record<string, string> {
    return this.definition.usingComponents;
  }
  get data(): Record<string, unknown> {
    return this.instance.data;
  }
}

/** One page instance on the stack, with queries over its rebuilt view. */
export class WeappPage implements RenderOwner {
  readonly kind = 'page' as const;
  readonly components = new Map<string, ComponentRecord>();
  readonly stats: PageStats = {
    setDataCalls: 0,
    maxSetDataBytes: 0,
    totalSetDataBytes: 0,
    current: { nodes: 0, textNodes: 0, depth: 0, maxChildren: 0 },
    maxNodes: 0,
    maxDepth: 0,
    maxChildren: 0,
  };
  /** Byte size of every setData call (the page's and its components'), in order. */
  readonly setDataSizes: number[] = [];
  /** Set by wx.setNavigationBarTitle, else the page's navigationBarTitleText. */
  title = '';
  pendingPaths: PathSegment[][] = [];
  renderCallbacks: Array<() => void> = [];
  renderTimer: number | undefined;
  readyCalled = false;
  unloaded = false;
  private root: ViewNode | null = null;

  constructor(
    readonly key: string,
    readonly route: string,
    readonly query: Record<string, string>,
    readonly definition: PageDefinition,
    readonly instance: Instance,
  ) {}

  get name(): string {
    return this.route;
  }
  get wxml(): string {
    return `${this.route}.wxml`;
  }
  get usingComponents(): Record<string, string> {
    return this.definition.usingComponents;
  }
  /** The page's data as the logic layer holds it (`this.data`). */
  get data(): Record<string, unknown> {
    return this.instance.data;
  }

  setTree(root: ViewNode): void {
    this.root = root;
    const stats = treeStats(root);
    this.stats.current = stats;
    this.stats.maxNodes = Math.max(this.stats.maxNodes, stats.nodes);
    this.stats.maxDepth = Math.max(this.stats.maxDepth, stats.depth);
    this.stats.maxChildren = Math.max(this.stats.maxChildren, stats.maxChildren);
  }

  get rendered(): boolean {
    return this.root !== null;
  }

  /** The rebuilt view (a virtual root whose children are the page's top-level nodes). */
  get tree(): ViewNode {
    if (!this.root) throw new Error(`${this.route} has not rendered yet (await harness.settle())`);
    return this.root;
  }

  /** All visible text of the page, in document order. */
  text(): string {
    return this.tree.text;
  }

  byId(id: string): ViewNode | undefined {
    return this.tree.byId(id);
  }

  /** Like byId, but throws with the page outline when the element is missing. */
  get(id: string): ViewNode {
    const node = this.byId(id);
    if (!node) throw new Error(`no element with id "${id}" on ${this.route}. The page:\n${this.tree.outline(1, 80)}`);
    return node;
  }

  all(selector: NodeSelector = {}): ViewNode[] {
    return this.tree.all(selector);
  }

  find(selector: NodeSelector): ViewNode | undefined {
    return this.tree.find(selector);
  }
}

interface RenderPass {
  page: WeappPage;
  seen: Set<ComponentRecord>;
  created: ComponentRecord[];
  indexes: Map<RenderOwner, WeakMap<object, PathSegment[]>>;
}

/** Fails with a clear message when the weapp build is missing (tests never build it themselves). */
export function ensureWeappBuild(buildDir = DEFAULT_BUILD_DIR): string {
  if (!existsSync(join(buildDir, 'app.json')) || !existsSync(join(buildDir, 'app.js'))) {
    throw new Error(`No weapp build in ${buildDir}: run \`npx taro build --type weapp\` first (about 12 s; never two taro builds at once).`);
  }
  return buildDir;
}

/** Source files changed after the build was made (the build then tests older code). */
export function staleSources(buildDir = DEFAULT_BUILD_DIR, sourceDir = join(PROJECT_ROOT, 'src')): string[] {
  const built = statSync(join(ensureWeappBuild(buildDir), 'app.js')).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (statSync(full).mtimeMs > built) newer.push(full.slice(PROJECT_ROOT.length + 1));
    }
  };
  if (existsSync(sourceDir)) walk(sourceDir);
  return newer;
}

/** Every page route of the build: main package first, then each subpackage's. */
export function appRoutes(appJson: AppJson): string[] {
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? [];
  return [...appJson.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => posix.join(sub.root, page)))];
}

export function readAppJson(buildDir = DEFAULT_BUILD_DIR): AppJson {
  return JSON.parse(readFileSync(join(ensureWeappBuild(buildDir), 'app.json'), 'utf8')) as AppJson;
}

/** Launches the build: App.onLaunch → App.onShow → page onLoad(query) → onShow → render → onReady. */
export async function launchWeapp(options: LaunchOptions = {}): Promise<WeappHarness> {
  const harness = new WeappHarness(options);
  try {
    await harness.start();
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

export class WeappHarness {
  readonly buildDir: string;
  readonly appJson: AppJson;
  readonly routes: string[];
  readonly storage: Map<string, string>;
  readonly clock: VirtualClock;
  /** Every recorded wx call (toasts, modals, loading, phone calls, clipboard, navigation, storage…). */
  readonly calls: WxCall[] = [];
  /** Everything the app printed: `level: message`. */
  readonly consoleLines: string[] = [];
  readonly stack: WeappPage[] = [];
  /** Every page opened since launch, including those already closed. */
  readonly history: WeappPage[] = [];
  cloud!: CloudBackend;

  private readonly options: LaunchOptions;
  private problems: Problem[] = [];
  private readonly context: vm.Context;
  private readonly toVmJson: (json: string) => unknown;
  private readonly VmPromise: PromiseConstructor;
  private readonly rejections: RejectionTracker;
  private readonly library: WxmlLibrary;
  private readonly wx: Record<string, unknown>;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageDefinitions = new Map<string, PageDefinition>();
  private readonly componentDefinitions = new Map<string, ComponentDefinition>();
  private loading: { kind: 'page' | 'component'; path: string; options?: Record<string, unknown> } | undefined;
  private appInstance: Record<string, unknown> | undefined;
  private ownsCloud = false;
  /** The user this harness calls cloud functions as (a shared cloud may serve several harnesses). */
  private callerOpenid: string | null = null;
  private pageCount = 0;
  private webpackRequire: WebpackRequire | undefined;
  private taroDocument: TaroDocument | null | undefined;
  private launch: { path: string; query: Record<string, string> } = { path: '', query: {} };
  private closed = false;
  private readonly serverLogSeen = { count: 0 };
  private readonly cloudFaults: Array<CloudFault & { left: number }> = [];

  constructor(options: LaunchOptions = {}) {
    this.options = options;
    this.buildDir = ensureWeappBuild(options.buildDir ?? DEFAULT_BUILD_DIR);
    this.appJson = readAppJson(this.buildDir);
    this.routes = appRoutes(this.appJson);
    this.storage = options.storage ?? new Map();
    this.library = new WxmlLibrary(this.buildDir);
    this.clock = new VirtualClock({
      onError: (error, where) => this.problem('error', `uncaught error in a ${where}: ${describeError(error)}`),
      drain: () => this.drain(),
    });

    const consoleObject = this.makeConsole();
    const sandbox: Record<string, unknown> = {
      App: (appOptions: Record<string, unknown>) => this.registerApp(appOptions),
      Page: (pageOptions: Record<string, unknown>) => this.registerPage(pageOptions),
      Component: (componentOptions: Record<string, unknown>) => this.registerComponent(componentOptions),
      Behavior: (behaviorOptions: unknown) => behaviorOptions,
      getApp: () => this.appInstance,
      getCurrentPages: () => this.stack.map((page) => page.instance),
      requirePlugin: (name: unknown) => {
        throw new Error(`requirePlugin("${String(name)}"): plugins are not available in the weapp harness`);
      },
      setTimeout: this.clock.setTimeout,
      clearTimeout: this.clock.clearTimeout,
      setInterval: this.clock.setInterval,
      clearInterval: this.clock.clearInterval,
      console: consoleObject,
    };
    // No eval/new Function, as on a phone.
    this.context = vm.createContext(sandbox, { name: 'weapp app service', codeGeneration: { strings: false, wasm: false } });
    this.toVmJson = vm.runInContext('JSON.parse', this.context) as (json: string) => unknown;
    this.VmPromise = vm.runInContext('Promise', this.context) as PromiseConstructor;
    sandbox.global = this.toVm({});
    sandbox.__wxConfig = this.toVm({ ...this.appJson, envVersion: 'release', platform: 'ios', debug: false, appLaunchInfo: {} });
    this.rejections = new RejectionTracker(this.VmPromise);

    this.wx = createWx({
      clock: this.clock,
      toVm: (value) => this.toVm(value),
      vmPromise: this.VmPromise,
      record: (call) => this.calls.push(call),
      problem: (kind, message) => this.problem(kind as Problem['kind'], message),
      navigate: (kind, navOptions) => this.navigate(kind, navOptions),
      callFunction: (name, data) => this.callFunction(name, data),
      cloudLatencyMs: options.cloudLatencyMs ?? 30,
      request: options.request,
      modal: options.modal ?? (() => ({ confirm: true })),
      storage: this.storage,
      launchOptions: () => ({ path: this.launch.path, query: this.launch.query, scene: 1001, referrerInfo: {}, apiCategory: 'default', forwardMaterials: [] }),
      currentRoute: () => this.stack[this.stack.length - 1]?.route,
      setNavigationBarTitle: (title) => {
        const page = this.stack[this.stack.length - 1];
        if (page) page.title = title;
      },
    });
    sandbox.wx = this.wx;
  }

  // ------------------------------------------------------------------------------------------
  // Public API

  /** The page on top of the stack. */
  get page(): WeappPage {
    const page = this.stack[this.stack.length - 1];
    if (!page) throw new Error('no page is open');
    return page;
  }

  /** getApp() as the app sees it. */
  get app(): Record<string, unknown> | undefined {
    return this.appInstance;
  }

  /** Calls of one wx API, e.g. `callsOf('showToast')`. */
  callsOf(api: string): WxCall[] {
    return this.calls.filter((call) => call.api === api);
  }

  /** Per page opened: setData calls and largest payload, largest node count, depth, fan-out. */
  summary(): Array<{ route: string; setDataCalls: number; maxSetDataBytes: number; maxNodes: number; maxDepth: number; maxChildren: number }> {
    return this.history.map((page) => ({
      route: page.route,
      setDataCalls: page.stats.setDataCalls,
      maxSetDataBytes: page.stats.maxSetDataBytes,
      maxNodes: page.stats.maxNodes,
      maxDepth: page.stats.maxDepth,
      maxChildren: page.stats.maxChildren,
    }));
  }

  /** Problems recorded since the last check (the next check throws them). */
  get pendingProblems(): readonly Problem[] {
    return this.problems;
  }

  /** Runs microtasks and virtual timers until the app is idle, then checks for problems. */
  async settle(): Promise<void> {
    await this.settleQuietly();
    this.check();
  }

  /** Advances virtual time (e.g. past a toast) and checks. */
  async advance(ms: number): Promise<void> {
    await this.clock.advance(ms);
    await this.settleQuietly();
    this.check();
  }

  /** A tap on the element with this id: `eh` of every element on its bubbling path that binds tap. */
  async tap(id: string): Promise<void> {
    await this.dispatch(id, 'tap', { x: 0, y: 0 });
  }

  async input(id: string, value: string): Promise<void> {
    await this.dispatch(id, 'input', { value, cursor: value.length, keyCode: 0 });
  }

  async change(id: string, value: unknown): Promise<void> {
    await this.dispatch(id, 'change', { value });
  }

  /** Any event type with a WeChat-shaped detail. */
  async trigger(id: string, type: string, detail: Record<string, unknown> = {}): Promise<void> {
    await this.dispatch(id, type, detail);
  }

  /** Navigates as the app would (wx.navigateTo etc.), then settles. */
  async navigateTo(url: string): Promise<void> {
    await this.callNavigation('navigateTo', { url });
  }

  async redirectTo(url: string): Promise<void> {
    await this.callNavigation('redirectTo', { url });
  }

  async reLaunch(url: string): Promise<void> {
    await this.callNavigation('reLaunch', { url });
  }

  async navigateBack(delta = 1): Promise<void> {
    await this.callNavigation('navigateBack', { delta });
  }

  /**
   * Fault injection: the next matching `wx.cloud.callFunction` calls fail the way a dropped
   * connection does on a phone (`fail` with a `cloud.callFunction:fail …` errMsg).
   */
  failCloudCalls(fault: CloudFault = {}): void {
    this.cloudFaults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Throws WeappProblemError if anything went wrong since the last check. */
  check(): void {
    const top = this.stack[this.stack.length - 1];
    if (this.options.templateCheck !== false && top?.rendered && !this.closed) {
      try {
        this.checkTemplates(top);
      } catch (error) {
        this.problem('template', error instanceof Error ? error.message : String(error));
      }
    }
    if (this.problems.length === 0) return;
    const problems = this.problems;
    this.problems = [];
    throw new WeappProblemError(problems);
  }

  /**
   * Renders the page's data through WeChat's own template compiler (wcc) and compares its text
   * with the harness's rebuilt view. Returns the texts; throws when wcc reports a problem or the
   * texts differ. Where wcc cannot run, returns `{ skipped }` — or throws when CI=true.
   */
  checkTemplates(page: WeappPage = this.page): { skipped?: string; wccText?: string; treeText?: string } {
    const wcc = wccAvailability();
    if (!wcc.ok) {
      if (process.env.CI === 'true') throw new Error(`WeChat template check cannot run: ${wcc.reason}`);
      return { skipped: wcc.reason };
    }
    const program = compileWithWcc(this.buildDir);
    const result = renderTextWithWcc(program, page.wxml, page.data, page.usingComponents, (tag, attr) => {
      const sid = (attr.i as { sid?: unknown } | undefined)?.sid;
      for (const record of page.components.values()) {
        if (record.tag === tag && (record.data.i as { sid?: unknown } | undefined)?.sid === sid) {
          return { data: record.data, components: record.usingComponents, wxml: record.wxml };
        }
      }
      return undefined;
    });
    if (result.messages.length > 0) throw new Error(`wcc reported on ${page.route}: ${[...new Set(result.messages)].join('; ')}`);
    const treeText = page.text();
    if (normaliseText(result.text) !== normaliseText(treeText)) {
      throw new Error(`${page.route}: the text rendered by wcc differs from the harness's view.\n  wcc:     ${JSON.stringify(result.text.slice(0, 400))}\n  harness: ${JSON.stringify(treeText.slice(0, 400))}`);
    }
    return { wccText: result.text, treeText };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clock.clear();
    this.rejections.stop();
    if (this.ownsCloud && this.cloud) await this.cloud.close();
  }

  // ------------------------------------------------------------------------------------------
  // Launch

  async start(): Promise<void> {
    this.rejections.start();
    if (this.options.cloud) {
      this.cloud = this.options.cloud;
    } else {
      this.cloud = await CloudBackend.create({ openid: this.options.openid });
      this.ownsCloud = true;
    }
    if (this.options.openid !== undefined) this.cloud.openid = this.options.openid;
    // Each harness calls as its own user, even when several share one cloud.
    this.callerOpenid = this.options.openid !== undefined ? this.options.openid : this.cloud.openid;

    const entry = (this.options.path ?? this.appJson.pages[0] ?? '').replace(/^\//, '');
    if (!this.routes.includes(entry)) throw new Error(`"${entry}" is not a page of ${this.buildDir}/app.json (pages: ${this.routes.join(', ')})`);
    this.launch = { path: entry, query: { ...(this.options.query ?? {}) } };

    this.loadOrFail('app.js');
    if (!this.appInstance) this.failNow('module', 'app.js did not call App()');
    this.hookTaroDocument();
    // Main-package pages are evaluated at start; subpackage pages when first entered.
    for (const route of this.appJson.pages) this.ensurePage(route);

    const launchOptions = { path: entry, query: this.launch.query, scene: 1001, referrerInfo: {}, apiCategory: 'default' };
    this.callHook(this.appInstance, 'App.onLaunch', 'onLaunch', [this.toVm(launchOptions)]);
    this.callHook(this.appInstance, 'App.onShow', 'onShow', [this.toVm(launchOptions)]);
    this.openPage(entry, this.launch.query);
    await this.settle();
  }

  // ------------------------------------------------------------------------------------------
  // Modules

  private loadOrFail(path: string): unknown {
    try {
      return this.loadModule(path);
    } catch (error) {
      this.failNow('module', `${path} failed to load: ${describeError(error)}`);
    }
  }

  private failNow(kind: Problem['kind'], message: string): never {
    this.problem(kind, message);
    const problems = this.problems;
    this.problems = [];
    throw new WeappProblemError(problems);
  }

  private loadModule(path: string): unknown {
    const cached = this.modules.get(path);
    if (cached) return cached.exports;
    const full = join(this.buildDir, path);
    if (!existsSync(full)) throw new Error(`module "${path}" is not defined`);
    const module = { exports: this.toVm({}) as unknown };
    this.modules.set(path, module);
    const source = readFileSync(full, 'utf8');
    const script = new vm.Script(`(function (require, module, exports, ${SHADOWED_GLOBALS.join(', ')}) {${source}\n})`, { filename: full });
    const fn = script.runInContext(this.context) as (req: (spec: string) => unknown, m: typeof module, e: unknown) => void;
    const requireFrom = (spec: string) => {
      if (typeof spec !== 'string') throw new Error('require() needs a path');
      let target = resolveBuildPath(path, spec);
      if (!target.endsWith('.js')) target += '.js';
      return this.loadModule(target);
    };
    try {
      fn(requireFrom, module, module.exports);
    } catch (error) {
      this.modules.delete(path);
      throw error;
    }
    return module.exports;
  }

  private registerApp(options: Record<string, unknown>): void {
    if (this.appInstance) {
      this.problem('module', 'App() was called twice');
      return;
    }
    this.appInstance = options;
  }

  private registerPage(options: Record<string, unknown>): void {
    if (!this.loading || this.loading.kind !== 'page') {
      this.problem('module', 'Page() was called outside the evaluation of a page file');
      return;
    }
    if (this.loading.options) this.problem('module', `Page() was called twice while loading ${this.loading.path}`);
    this.loading.options = options;
  }

  private registerComponent(options: Record<string, unknown>): void {
    if (!this.loading || this.loading.kind !== 'component') {
      this.problem('module', `Component() was called outside the evaluation of a component file${this.loading ? ` (while loading page ${this.loading.path})` : ''}`);
      return;
    }
    if (this.loading.options) this.problem('module', `Component() was called twice while loading ${this.loading.path}`);
    this.loading.options = options;
  }

  private readJson(path: string): Record<string, unknown> {
    const full = join(this.buildDir, path);
    if (!existsSync(full)) return {};
    return JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>;
  }

  private resolveUsing(ownerPath: string, json: Record<string, unknown>): Record<string, string> {
    const using = (json.usingComponents ?? {}) as Record<string, string>;
    const resolved: Record<string, string> = {};
    for (const [tag, spec] of Object.entries(using)) {
      if (spec.startsWith('plugin://')) {
        this.problem('unsupported', `${ownerPath} uses plugin component ${spec}`);
        continue;
      }
      resolved[tag] = resolveBuildPath(ownerPath, spec);
    }
    return resolved;
  }

  private ensurePage(route: string): PageDefinition {
    const known = this.pageDefinitions.get(route);
    if (known) return known;
    this.loading = { kind: 'page', path: route };
    try {
      this.loadModule(`${route}.js`);
    } catch (error) {
      this.loading = undefined;
      this.failNow('module', `${route}.js failed to load: ${describeError(error)}`);
    }
    const options = this.loading.options;
    this.loading = undefined;
    if (!options) this.failNow('module', `${route}.js did not call Page()`);
    const json = this.readJson(`${route}.json`);
    const definition: PageDefinition = { route, options, usingComponents: this.resolveUsing(route, json) };
    this.pageDefinitions.set(route, definition);
    for (const path of Object.values(definition.usingComponents)) this.ensureComponent(path);
    return definition;
  }

  private ensureComponent(path: string): ComponentDefinition {
    const known = this.componentDefinitions.get(path);
    if (known) return known;
    const json = this.readJson(`${path}.json`);
    if (json.component !== true) this.failNow('module', `${path}.json does not declare "component": true`);
    this.loading = { kind: 'component', path };
    try {
      this.loadModule(`${path}.js`);
    } catch (error) {
      this.loading = undefined;
      this.failNow('module', `${path}.js failed to load: ${describeError(error)}`);
    }
    const options = this.loading.options;
    this.loading = undefined;
    if (!options) this.failNow('module', `${path}.js did not call Component()`);
    const componentOptions = (options.options ?? {}) as { virtualHost?: boolean };
    const definition: ComponentDefinition = { path, options, usingComponents: {}, virtualHost: componentOptions.virtualHost === true };
    this.componentDefinitions.set(path, definition);
    definition.usingComponents = this.resolveUsing(path, json);
    for (const child of Object.values(definition.usingComponents)) this.ensureComponent(child);
    return definition;
  }

  /**
   * Taro's logic-side document lets elements of the view show their app-level dataset (`data-*`
   * props stay on the logic side in Taro and are merged into events there). It is reached through
   * webpack's require, captured by pushing an empty chunk into `wx.webpackJsonp`.
   */
  private hookTaroDocument(): void {
    const jsonp = this.wx.webpackJsonp;
    if (!Array.isArray(jsonp)) return;
    jsonp.push([['weapp-harness-probe'], {}, (req: WebpackRequire) => void (this.webpackRequire = req)]);
  }

  private findTaroDocument(): TaroDocument | undefined {
    if (this.taroDocument !== undefined || !this.webpackRequire) return this.taroDocument ?? undefined;
    this.taroDocument = null;
    const req = this.webpackRequire;
    const factories = req.m ?? {};
    for (const id of Object.keys(factories)) {
      // Only the runtime modules (already loaded by app.js) mention it.
      if (!String(factories[id]).includes('getElementById')) continue;
      let exported: Record<string, unknown>;
      try {
        exported = req(id) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const key of Object.keys(exported ?? {})) {
        let value: unknown;
        try {
          value = exported[key];
        } catch {
          continue;
        }
        const candidate = value as { getElementById?: unknown; nodeName?: unknown } | null;
        if (candidate && typeof candidate === 'object' && typeof candidate.getElementById === 'function' && candidate.nodeName === '#document') {
          this.taroDocument = candidate as TaroDocument;
          return this.taroDocument;
        }
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Realms, console, problems

  private toVm<T>(value: T): T {
    if (value === undefined) return value;
    return this.toVmJson(JSON.stringify(value)) as T;
  }

  private problem(kind: Problem['kind'], message: string): void {
    const route = this.stack[this.stack.length - 1]?.route;
    const same = this.problems.find((p) => p.kind === kind && p.route === route && (p.message === message || p.message.startsWith(`${message} (×`)));
    if (!same) {
      this.problems.push({ kind, message, route });
      return;
    }
    const count = Number(/ \(×(\d+)\)$/.exec(same.message)?.[1] ?? 1) + 1;
    same.message = `${message} (×${count})`;
  }

  private makeConsole(): Record<string, unknown> {
    const write = (level: string) => (...args: unknown[]) => {
      const message = format(...args);
      this.consoleLines.push(`${level}: ${message}`);
      if (this.options.echoConsole) process.stdout.write(`[weapp ${level}] ${message}\n`);
      if (level === 'error') {
        const allow = this.options.allowConsoleError;
        const allowed = allow === true || (typeof allow === 'function' && allow(message));
        if (!allowed) this.problem('console.error', message);
      }
      // Taro's stand-in for a wx API that did not exist when taro.js loaded.
      if (level === 'warn' && message.includes('暂不支持')) this.problem('unsupported', message);
    };
    const out: Record<string, unknown> = {};
    for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace']) out[level] = write(level);
    for (const name of ['group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'table', 'dir']) out[name] = () => undefined;
    out.assert = (condition: unknown, ...args: unknown[]) => {
      if (!condition) write('error')('Assertion failed:', ...args);
    };
    return out;
  }

  private async drain(): Promise<void> {
    // Two host turns: the app's microtasks run first; rejected promises nobody handled get an
    // observer, whose reaction runs on the second turn.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.rejections.check();
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const reason of this.rejections.reasons.splice(0)) this.problem('unhandled-rejection', describeError(reason));
    if (!this.options.allowServerErrors && this.cloud) {
      const lines = this.cloud.log;
      for (; this.serverLogSeen.count < lines.length; this.serverLogSeen.count++) {
        const line = lines[this.serverLogSeen.count];
        if (line?.level === 'error') this.problem('cloud', `cloud function logged an error: ${line.message} ${JSON.stringify(line.fields ?? {})}`);
      }
    }
  }

  private async settleQuietly(): Promise<void> {
    if (this.closed) throw new Error('the harness is closed');
    try {
      await this.clock.settle();
    } catch (error) {
      this.problem('error', describeError(error));
    }
  }

  private callHook(target: Record<string, unknown> | undefined, label: string, name: string, args: unknown[]): unknown {
    const fn = target?.[name];
    if (typeof fn !== 'function') return undefined;
    try {
      return (fn as (...a: unknown[]) => unknown).apply(target, args);
    } catch (error) {
      this.problem('lifecycle', `${label} threw: ${describeError(error)}`);
      return undefined;
    }
  }

  // ------------------------------------------------------------------------------------------
  // Cloud

  private async callFunction(name: string, data: unknown): Promise<unknown> {
    if (!this.cloud.has(name)) throw new WxFail(`errCode: -501000 | errMsg: [FunctionName] function "${name}" not found`);
    const action = data && typeof data === 'object' ? (data as { action?: unknown }).action : undefined;
    const fault = this.cloudFaults.find((f) => f.left > 0 && (f.name === undefined || f.name === name) && (f.action === undefined || f.action === action));
    if (fault) fault.left--;
    const lost = 'errCode: -1 | errMsg: request:fail timeout';
    if (fault && fault.when !== 'after') throw new WxFail(lost);
    const result = await this.cloud.invoke(name, data, this.callerOpenid);
    if (fault) throw new WxFail(lost);
    return this.toVm(result);
  }

  // ------------------------------------------------------------------------------------------
  // Pages and navigation

  private resolveUrl(url: string): { route: string; query: Record<string, string> } {
    const [pathPart = '', queryPart = ''] = url.split('?', 2);
    const current = this.stack[this.stack.length - 1]?.route ?? '';
    const route = pathPart.startsWith('/') ? posix.normalize(pathPart.slice(1)) : posix.normalize(posix.join(posix.dirname(current), pathPart));
    if (!this.routes.includes(route)) throw new WxFail(`page "${route}" is not found`);
    const query: Record<string, string> = {};
    for (const pair of queryPart.split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      // WeChat hands query values to onLoad as they were written (still percent-encoded).
      if (at < 0) query[pair] = '';
      else query[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return { route, query };
  }

  private async callNavigation(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', options: AnyOptions): Promise<void> {
    let failure: string | undefined;
    (this.wx[kind] as (o: AnyOptions) => void)({ ...options, fail: (res: { errMsg?: string }) => void (failure = res.errMsg) });
    await this.settleQuietly();
    if (failure) this.problem('error', `${kind} failed: ${failure}`);
    this.check();
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack' | 'switchTab', options: AnyOptions): Promise<AnyOptions | void> {
    if (kind === 'switchTab') {
      const { route } = this.resolveUrl(String(options.url ?? ''));
      const tabs = this.appJson.tabBar?.list?.map((item) => item.pagePath) ?? [];
      if (!tabs.includes(route)) throw new WxFail('can not switch to no-tabBar page');
      while (this.stack.length > 0) this.unloadTop();
      this.openPage(route, {});
      return;
    }
    if (kind === 'navigateBack') {
      if (this.stack.length <= 1) throw new WxFail('cannot navigate back at first page.');
      const delta = Math.min(Math.max(1, Math.floor(Number(options.delta ?? 1)) || 1), this.stack.length - 1);
      for (let k = 0; k < delta; k++) this.unloadTop();
      const top = this.page;
      this.callHook(top.instance, `${top.route} onShow`, 'onShow', []);
      return;
    }
    const { route, query } = this.resolveUrl(String(options.url ?? ''));
    const tabs = this.appJson.tabBar?.list?.map((item) => item.pagePath) ?? [];
    if (kind !== 'reLaunch' && tabs.includes(route)) throw new WxFail('can not navigateTo a tabbar page');
    if (kind === 'navigateTo' && this.stack.length >= MAX_PAGE_STACK) throw new WxFail('webview count limit exceed');
    try {
      this.ensurePage(route);
    } catch (error) {
      if (error instanceof WeappProblemError) this.problems.push(...error.problems);
      throw new WxFail(`page "${route}" failed to load`);
    }
    if (kind === 'navigateTo') {
      const top = this.stack[this.stack.length - 1];
      if (top) this.callHook(top.instance, `${top.route} onHide`, 'onHide', []);
    } else if (kind === 'redirectTo') {
      this.unloadTop();
    } else {
      while (this.stack.length > 0) this.unloadTop();
    }
    this.openPage(route, query);
  }

  private unloadTop(): void {
    const page = this.stack.pop();
    if (!page) return;
    this.callHook(page.instance, `${page.route} onUnload`, 'onUnload', []);
    page.unloaded = true;
    if (page.renderTimer !== undefined) this.clock.clearTimeout(page.renderTimer);
    for (const record of page.components.values()) this.lifetime(record, 'detached');
    page.components.clear();
  }

  private openPage(route: string, query: Record<string, string>): WeappPage {
    const definition = this.ensurePage(route);
    const id = ++this.pageCount;
    const instance = {} as Instance;
    for (const [key, value] of Object.entries(definition.options)) {
      if (key === 'data') continue;
      instance[key] = typeof value === 'function' || value === null || typeof value !== 'object' ? value : this.toVm(value);
    }
    instance.data = (this.toVm(definition.options.data ?? {}) ?? this.toVm({})) as Record<string, unknown>;
    const page = new WeappPage(`page${id}`, route, query, definition, instance);
    const json = this.readJson(`${route}.json`);
    page.title = String(json.navigationBarTitleText ?? this.appJson.window?.navigationBarTitleText ?? '');
    Object.assign(instance, {
      route,
      __route__: route,
      options: this.toVm(query),
      is: route,
      __wxWebviewId__: id,
      __wxExparserNodeId__: `harness-page-${id}`,
      setData: (payload: unknown, callback?: unknown) => this.setData(page, payload, callback),
      getPageId: () => `pageId:${id}`,
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: () => (this.wx.createSelectorQuery as () => unknown)(),
      getOpenerEventChannel: () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined }),
    });
    this.stack.push(page);
    this.history.push(page);
    // onLoad gets exactly one argument: Taro treats a second one as a prerender callback.
    this.callHook(instance, `${route} onLoad`, 'onLoad', [this.toVm(query)]);
    this.callHook(instance, `${route} onShow`, 'onShow', []);
    this.scheduleRender(page);
    return page;
  }

  // ------------------------------------------------------------------------------------------
  // setData, rendering, components

  private setData(owner: WeappPage | ComponentRecord, payload: unknown, callback: unknown): void {
    const page = owner.kind === 'page' ? owner : owner.page;
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
      this.problem('setData', `${owner.name}: setData needs an object, got ${Array.isArray(payload) ? 'an array' : typeof payload}`);
      return;
    }
    const entries = Object.entries(payload as Record<string, unknown>);
    const issues: SetDataIssue[] = [];
    for (const [key, value] of entries) auditSetDataValue(value, key, issues);
    let bytes = 0;
    try {
      bytes = payloadBytes(payload);
    } catch (error) {
      issues.push({ path: '(payload)', problem: `not serialisable: ${describeError(error)}` });
    }
    page.stats.setDataCalls++;
    page.stats.maxSetDataBytes = Math.max(page.stats.maxSetDataBytes, bytes);
    page.stats.totalSetDataBytes += bytes;
    page.setDataSizes.push(bytes);
    if (issues.length > 0) {
      this.problem('setData', `${owner.name}: setData sends what the bridge drops or changes: ${issues.map((i) => `${i.path} is ${i.problem}`).join('; ')}`);
    }
    if (bytes > SETDATA_HARD_LIMIT) this.problem('setData', `${owner.name}: one setData of ${bytes} bytes exceeds WeChat's 1 MB cap`);
    else if (bytes > SETDATA_AUDIT_LIMIT) this.problem('setData', `${owner.name}: one setData of ${bytes} bytes exceeds the 256 KB audit limit`);

    for (const [key, value] of entries) {
      let segments: PathSegment[];
      try {
        segments = parseDataPath(key);
      } catch (error) {
        this.problem('setData', `${owner.name}: ${describeError(error)}`);
        continue;
      }
      if (value === undefined) continue;
      applyDataPath(owner.data, segments, this.toVm(value), (array) => this.toVm(array ? [] : {}) as Record<string | number, unknown>);
      owner.pendingPaths.push(segments);
    }
    if (typeof callback === 'function') page.renderCallbacks.push(() => (callback as () => void).call(owner.instance));
    this.scheduleRender(page);
  }

  private scheduleRender(page: WeappPage): void {
    if (page.renderTimer !== undefined || page.unloaded) return;
    page.renderTimer = this.clock.setTimeout(() => {
      page.renderTimer = undefined;
      this.renderPage(page);
    }, 0);
  }

  private renderPage(page: WeappPage): void {
    if (page.unloaded) return;
    const root = new ViewNode('#page', {}, {}, page);
    const pass: RenderPass = { page, seen: new Set(), created: [], indexes: new Map() };
    const host: RenderHost = {
      library: this.library,
      problem: (message) => this.problem('template', message),
      component: (parent, tag, path, key, props) => this.mountComponent(pass, parent, tag, path, key, props),
    };
    try {
      renderOwner(host, page, root);
    } catch (error) {
      this.problem('render', `${page.route}: ${describeError(error)}`);
    }
    for (const record of [...page.components.values()]) {
      if (pass.seen.has(record)) continue;
      page.components.delete(record.key);
      this.lifetime(record, 'detached');
    }
    page.pendingPaths = [];
    for (const record of page.components.values()) record.pendingPaths = [];
    this.fillAppDataset(root);
    page.setTree(root);
    for (const record of pass.created) {
      record.attached = true;
      this.lifetime(record, 'attached');
    }
    for (const record of pass.created) this.lifetime(record, 'ready');
    for (const callback of page.renderCallbacks.splice(0)) {
      try {
        callback();
      } catch (error) {
        this.problem('error', `a setData callback threw: ${describeError(error)}`);
      }
    }
    if (!page.readyCalled) {
      page.readyCalled = true;
      this.callHook(page.instance, `${page.route} onReady`, 'onReady', []);
    }
  }

  private fillAppDataset(root: ViewNode): void {
    const document = this.findTaroDocument();
    if (!document) return;
    for (const node of root.descendants()) {
      const sid = node.sid;
      if (!sid) continue;
      const element = document.getElementById(sid);
      const dataset = element?.dataset;
      if (dataset && typeof dataset === 'object') node.appDataset = { ...dataset };
    }
  }

  private pathIndex(pass: RenderPass, owner: RenderOwner): WeakMap<object, PathSegment[]> {
    let index = pass.indexes.get(owner);
    if (index) return index;
    const built = new WeakMap<object, PathSegment[]>();
    const walk = (value: unknown, path: PathSegment[]) => {
      if (!value || typeof value !== 'object' || built.has(value)) return;
      built.set(value, path);
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
      else for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(owner.data, []);
    index = built;
    pass.indexes.set(owner, index);
    return index;
  }

  private mountComponent(pass: RenderPass, parent: RenderOwner, tag: string, path: string, key: string, props: Record<string, unknown>): ComponentMount {
    const { page } = pass;
    const definition = this.ensureComponent(path);
    const parentRecord = parent as WeappPage | ComponentRecord;
    const sourceObject = Object.values(props).find((value): value is object => Boolean(value) && typeof value === 'object');
    const sourcePath = sourceObject ? (this.pathIndex(pass, parent).get(sourceObject) ?? null) : null;
    let record = page.components.get(key);
    if (!record) {
      record = this.createComponent(page, tag, definition, key);
      this.assignProperties(record, props);
      record.sourcePath = sourcePath;
      page.components.set(key, record);
      pass.created.push(record);
    } else {
      // A property changes when the parent's setData touched the data it is bound to.
      const touched = record.sourcePath === null || parentRecord.pendingPaths.some((changed) => pathsOverlap(changed, record?.sourcePath ?? []));
      if (touched) {
        this.assignProperties(record, props);
        record.sourcePath = sourcePath;
      }
    }
    pass.seen.add(record);
    return { owner: record, virtualHost: definition.virtualHost };
  }

  private createComponent(page: WeappPage, tag: string, definition: ComponentDefinition, key: string): ComponentRecord {
    const options = definition.options;
    const data = (this.toVm(options.data ?? {}) ?? this.toVm({})) as Record<string, unknown>;
    for (const [name, spec] of Object.entries((options.properties ?? {}) as Record<string, unknown>)) {
      data[name] = this.toVm(propertyDefault(spec));
    }
    const instance = { ...((options.methods ?? {}) as Record<string, unknown>) } as Instance;
    const record = new ComponentRecord(key, tag, definition, page, instance);
    Object.assign(instance, {
      data,
      properties: data,
      is: definition.path,
      id: '',
      dataset: {},
      setData: (payload: unknown, callback?: unknown) => this.setData(record, payload, callback),
      getPageId: () => `pageId:${page.key.replace(/^page/, '')}`,
      triggerEvent: (name: string) => this.calls.push({ api: 'triggerEvent', options: { component: definition.path, name }, at: this.clock.elapsed }),
      selectComponent: () => null,
      selectAllComponents: () => [],
      selectOwnerComponent: () => null,
      createSelectorQuery: () => (this.wx.createSelectorQuery as () => unknown)(),
    });
    this.lifetime(record, 'created');
    return record;
  }

  private assignProperties(record: ComponentRecord, props: Record<string, unknown>): void {
    const declared = (record.definition.options.properties ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(declared)) {
      if (name in props) record.data[name] = this.toVm(props[name]);
    }
    if (typeof props.id === 'string') record.instance.id = props.id;
  }

  private lifetime(record: ComponentRecord, name: 'created' | 'attached' | 'ready' | 'detached'): void {
    const options = record.definition.options;
    const lifetimes = (options.lifetimes ?? {}) as Record<string, unknown>;
    const fn = lifetimes[name] ?? options[name];
    if (typeof fn !== 'function') return;
    try {
      (fn as () => void).call(record.instance);
    } catch (error) {
      this.problem('lifecycle', `${record.definition.path} ${name} threw: ${describeError(error)}`);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Events

  private async dispatch(id: string, type: string, detail: Record<string, unknown>): Promise<void> {
    await this.settleQuietly();
    this.check();
    const page = this.page;
    const target = page.get(id);
    const bubbles = BUBBLING_EVENTS.has(type);
    const path = bubbles ? target.ancestry().filter((node) => node.tag !== '#page') : [target];
    let handled = false;
    for (const node of path) {
      const binding = node.events[type];
      if (!binding) continue;
      handled = true;
      const owner = node.owner;
      const handler = owner?.instance[binding.handler];
      if (typeof handler !== 'function') {
        this.problem('event', `${node.describe()} binds ${type} to "${binding.handler}", which ${owner?.name ?? 'nobody'} does not have`);
      } else {
        const touches = [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0, force: 1 }];
        const event = this.toVm({
          type,
          timeStamp: this.clock.elapsed,
          target: eventTarget(target),
          currentTarget: eventTarget(node),
          detail,
          mark: {},
          mut: false,
          ...(type === 'tap' || type.startsWith('touch') || type === 'longpress' ? { touches, changedTouches: touches } : {}),
          ...(type === 'tap' ? { _userTap: true } : {}),
        });
        try {
          (handler as (e: unknown) => unknown).call(owner?.instance, event);
        } catch (error) {
          this.problem('error', `the ${type} handler of ${node.describe()} threw: ${describeError(error)}`);
        }
      }
      if (binding.mode === 'catch' || binding.mode === 'capture-catch') break;
    }
    if (!handled) throw new Error(`${target.describe()} on ${page.route} does not handle "${type}": nothing ${bubbles ? 'on its bubbling path' : 'on the element'} binds it`);
    await this.settle();
  }
}

function eventTarget(node: ViewNode): Record<string, unknown> {
  return { id: node.id ?? '', offsetLeft: 0, offsetTop: 0, dataset: node.viewDataset };
}

function propertyDefault(spec: unknown): unknown {
  const typeName = (type: unknown) => (typeof type === 'function' ? (type as { name?: string }).name : undefined);
  const byType = (type: unknown) => {
    switch (typeName(type)) {
      case 'String':
        return '';
      case 'Number':
        return 0;
      case 'Boolean':
        return false;
      case 'Array':
        return [];
      default:
        return null;
    }
  };
  if (typeof spec === 'function' || spec === null) return byType(spec);
  if (spec && typeof spec === 'object') {
    const declared = spec as { type?: unknown; value?: unknown };
    return 'value' in declared ? declared.value : byType(declared.type);
  }
  return null;
}
