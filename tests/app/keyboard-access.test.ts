/** @jest-environment jsdom */
// The web build's keyboard layer (src/platform/keyboard-access.h5.ts) on a DOM shaped like Taro's H5 output.
import { enableKeyboardAccess } from '@/platform/keyboard-access';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeAll(() => {
  document.body.innerHTML = '<div class="taro_page" id="page"></div>';
  enableKeyboardAccess(document);
});

test('elements with an interactive role get a tab stop, added later too; disabled ones do not', async () => {
  const page = document.getElementById('page')!;
  page.innerHTML = '<taro-view-core id="a" role="link">公开目录</taro-view-core><taro-view-core id="b" role="button" aria-disabled="true">提交</taro-view-core><taro-view-core id="c">说明</taro-view-core>';
  await tick();
  expect(document.getElementById('a')!.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('b')!.hasAttribute('tabindex')).toBe(false);
  expect(document.getElementById('c')!.hasAttribute('tabindex')).toBe(false);
  const later = document.createElement('taro-view-core');
  later.setAttribute('role', 'tab');
  page.appendChild(later);
  await tick();
  expect(later.getAttribute('tabindex')).toBe('0');
});

test('Enter and Space activate the focused control; other keys and plain text do not', async () => {
  const page = document.getElementById('page')!;
  page.innerHTML = '<taro-view-core id="go" role="link">打开</taro-view-core><taro-view-core id="text">正文</taro-view-core>';
  await tick();
  const clicks: string[] = [];
  page.addEventListener('click', (event) => clicks.push((event.target as HTMLElement).id));
  const press = (id: string, key: string) => document.getElementById(id)!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  press('go', 'Enter');
  press('go', ' ');
  press('go', 'a');
  press('text', 'Enter');
  expect(clicks).toEqual(['go', 'go']);
});

test('scroll containers without a role become focusable; a switch input takes its host name', async () => {
  const page = document.getElementById('page')!;
  page.innerHTML = '<taro-scroll-view-core id="plain"></taro-scroll-view-core><taro-scroll-view-core id="tabs" role="tablist"></taro-scroll-view-core><taro-switch-core aria-labelledby="elder-label"><input type="checkbox" /></taro-switch-core>';
  await tick();
  expect(document.getElementById('page')!.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('plain')!.getAttribute('tabindex')).toBe('0');
  expect(document.getElementById('tabs')!.hasAttribute('tabindex')).toBe(false);
  expect(page.querySelector('input')!.getAttribute('aria-labelledby')).toBe('elder-label');
});
