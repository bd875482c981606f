// Minimal DOM stand-ins for @tarojs/components, for rendering pages in jsdom (the real web
// components need an ESM/custom-element setup jsdom lacks). Same props, plain elements.
import { type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; id?: string; onClick?: () => void; [key: string]: unknown };

function pick(props: Props) {
  const { children: _c, scrollX: _x, scrollY: _y, ...rest } = props;
  return rest;
}

export const View = (props: Props) => <div {...pick(props)}>{props.children}</div>;
export const Text = (props: Props) => <span {...pick(props)}>{props.children}</span>;
export const ScrollView = (props: Props) => <div {...pick(props)}>{props.children}</div>;
export const Switch = ({ checked, onChange, id, ...rest }: Props & { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void }) => (
  <input
    type='checkbox'
    role='switch'
    id={id}
    aria-labelledby={rest['aria-labelledby'] as string | undefined}
    checked={Boolean(checked)}
    onChange={(event) => onChange?.({ detail: { value: event.currentTarget.checked } })}
  />
);
export const Picker = ({ children }: Props) => <div>{children}</div>;
