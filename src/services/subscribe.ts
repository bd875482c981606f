// Asks for WeChat subscription-message consent. WeChat only shows the prompt when the call starts
// inside a user's tap (and at most 3 templates per call), so callers invoke this synchronously at the
// top of a tap handler, before any await. Template ids come from the build (SUBSCRIBE_TEMPLATE_IDS:
// JSON, notice kind → template id, the same kinds the server's SUBSCRIBE_TEMPLATES uses).
import Taro from '@tarojs/taro';

function configuredTemplates(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(process.env.SUBSCRIBE_TEMPLATE_IDS || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Resolves with the kinds the user accepted; never rejects (declining is a normal answer). */
export function askForUpdates(kinds: readonly string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve([]);
  const templates = configuredTemplates();
  const wanted = kinds.map((kind) => [kind, templates[kind]] as const).filter((entry): entry is readonly [string, string] => Boolean(entry[1])).slice(0, 3);
  if (wanted.length === 0) return Promise.resolve([]);
  return Taro.requestSubscribeMessage({ tmplIds: wanted.map(([, id]) => id), entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
    .then((result) => wanted.filter(([, id]) => (result as unknown as Record<string, string>)[id] === 'accept').map(([kind]) => kind))
    .catch(() => []);
}
