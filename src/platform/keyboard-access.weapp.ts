// The mini-program has no keyboard focus model to add to: WeChat's own accessibility reads the
// `aria-*` attributes the pages set.
export function enableKeyboardAccess(): void {}
