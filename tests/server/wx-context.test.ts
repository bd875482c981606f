import { identityFromWxEnv, readWxContext } from '../../cloudfunctions/_lib/identity/wx-context';

describe('WeChat context from the CloudBase environment', () => {
  it('reads the keys WX_CONTEXT_KEYS lists, without the WX_ prefix, skipping tokens', () => {
    const env = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_API_TOKEN,WX_UNIONID',
      WX_OPENID: 'o-123',
      WX_APPID: 'wx-app',
      WX_API_TOKEN: 'secret',
      WX_UNIONID: 'u-1',
      TCB_ENV: 'prod-env',
    };
    expect(readWxContext(env)).toEqual({ OPENID: 'o-123', APPID: 'wx-app', UNIONID: 'u-1', ENV: 'prod-env' });
    expect(identityFromWxEnv(env)).toEqual({ openid: 'o-123', appid: 'wx-app' });
  });

  it('has no identity when the runtime gives none (e.g. a timer trigger)', () => {
    expect(identityFromWxEnv({ WX_OPENID: 'o-forged-but-not-listed' })).toEqual({ openid: null, appid: undefined });
    expect(identityFromWxEnv({ WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '  ' }).openid).toBeNull();
  });
});
