// Keyboard access on the web build. Taro renders tappable Views as custom elements that browsers never
// focus, so a keyboard user could not reach a single link. Every element with an interactive role gets
// a tab stop, Enter and Space activate it, and scroll containers get a tab stop so arrow keys scroll
// them (WCAG 2.1.1). Taro's form components put a native <input> inside a custom element and leave the
// ARIA name on the host; the name is copied onto the input so assistive technology announces it.
const INTERACTIVE_ROLES = ['button', 'link', 'tab', 'switch', 'checkbox', 'radio', 'option', 'menuitem'];
const INTERACTIVE = INTERACTIVE_ROLES.map((role) => `[role="${role}"]`).join(',');
const SCROLL_CONTAINERS = '.taro_page, taro-scroll-view-core';
const NAMED_FORM_HOSTS = 'taro-switch-core, taro-checkbox-core, taro-radio-core, taro-slider-core';
const NAME_ATTRIBUTES = ['aria-label', 'aria-labelledby'];

function enhance(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(INTERACTIVE).forEach((element) => {
    if (!element.hasAttribute('tabindex') && element.getAttribute('aria-disabled') !== 'true') element.setAttribute('tabindex', '0');
  });
  // A scroll container with a role (e.g. a tablist) is a widget whose children take the focus.
  root.querySelectorAll<HTMLElement>(SCROLL_CONTAINERS).forEach((element) => {
    if (!element.hasAttribute('tabindex') && !element.hasAttribute('role')) element.setAttribute('tabindex', '0');
  });
  root.querySelectorAll<HTMLElement>(NAMED_FORM_HOSTS).forEach((host) => {
    const input = host.querySelector('input');
    if (!input) return;
    for (const name of NAME_ATTRIBUTES) {
      const value = host.getAttribute(name);
      if (value && input.getAttribute(name) !== value) input.setAttribute(name, value);
    }
  });
}

function isNativeControl(element: Element): boolean {
  return ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(element.tagName);
}

let enabled = false;

export function enableKeyboardAccess(doc: Document = document): void {
  if (enabled || !doc.body) return;
  enabled = true;
  enhance(doc);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof HTMLElement) enhance(mutation.target.parentElement ?? doc);
      mutation.addedNodes.forEach((node) => {
        if (node instanceof HTMLElement) enhance(node.parentElement ?? doc);
      });
    }
  }).observe(doc.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', ...NAME_ATTRIBUTES] });
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || isNativeControl(target) || !target.matches(INTERACTIVE)) return;
    event.preventDefault();
    target.click();
  });
}
