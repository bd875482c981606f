// Minimal DOM stand-ins for @tarojs/components, for rendering pages in jsdom (the real web
// components need an ESM/custom-element setup jsdom lacks). Same props, plain elements.
import { useEffect, useRef, type ReactNode } from 'react';

type Props = { children?: ReactNode; className?: string; id?: string; onClick?: () => void; [key: string]: unknown };
type ValueEvent<T> = { detail: { value: T } };

function pick(props: Props) {
  const { children: _c, scrollX: _x, scrollY: _y, selectable: _s, ...rest } = props;
  return rest;
}

/** Only what a DOM element understands: role, aria-* and data-* attributes. */
function attributes(props: Props): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => key === 'role' || key.startsWith('aria-') || key.startsWith('data-')));
}

export const View = (props: Props) => <div {...pick(props)}>{props.children}</div>;
export const Text = (props: Props) => <span {...pick(props)}>{props.children}</span>;
/** Media (政策解读): plain <img> / <video> with the same src; `mode` and `controls` mean nothing here. */
export const Image = ({ src, mode: _mode, className, id, ...rest }: Props & { src?: string; mode?: string }) => <img src={src} className={className} id={id} alt='' {...attributes(rest)} />;
export const Video = ({ src, controls: _controls, className, id, ...rest }: Props & { src?: string; controls?: boolean }) => <video src={src} className={className} id={id} {...attributes(rest)} />;
/** Scroll behaviour props (enhanced, showScrollbar) mean nothing to a <div>. */
export const ScrollView = ({ enhanced: _enhanced, showScrollbar: _showScrollbar, ...props }: Props) => <div {...pick(props)}>{props.children}</div>;
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

interface FieldProps extends Props {
  value?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Taro's default is 140 characters (on both platforms); -1 means no limit. */
  maxlength?: number;
  /** Taro focuses the field when this turns true. */
  focus?: boolean;
  /** h5: attributes for the inner <input>/<textarea> (here there is only one element). */
  nativeProps?: Record<string, unknown>;
  onInput?: (event: ValueEvent<string>) => void;
  onBlur?: (event: ValueEvent<string>) => void;
  onFocus?: (event: ValueEvent<string>) => void;
}

function useFocus<T extends HTMLElement>(focus: boolean | undefined) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return ref;
}

export const Input = ({ value, placeholder, disabled, maxlength = 140, focus, nativeProps, onInput, onBlur, onFocus, id, className, type, password, ...rest }: FieldProps & { type?: string; password?: boolean }) => {
  const ref = useFocus<HTMLInputElement>(focus);
  return (
    <input
      ref={ref}
      id={id}
      className={className}
      type={password ? 'password' : 'text'}
      inputMode={type === 'number' || type === 'digit' ? 'numeric' : undefined}
      value={value ?? ''}
      placeholder={placeholder}
      disabled={disabled}
      maxLength={maxlength < 0 ? undefined : maxlength}
      {...attributes(rest)}
      {...nativeProps}
      onChange={(event) => onInput?.({ detail: { value: event.currentTarget.value } })}
      onBlur={(event) => onBlur?.({ detail: { value: event.currentTarget.value } })}
      onFocus={(event) => onFocus?.({ detail: { value: event.currentTarget.value } })}
    />
  );
};

export const Textarea = ({ value, placeholder, disabled, maxlength = 140, focus, nativeProps, onInput, onBlur, onFocus, id, className, ...rest }: FieldProps) => {
  const ref = useFocus<HTMLTextAreaElement>(focus);
  return (
    <textarea
      ref={ref}
      id={id}
      className={className}
      value={value ?? ''}
      placeholder={placeholder}
      disabled={disabled}
      maxLength={maxlength < 0 ? undefined : maxlength}
      {...attributes(rest)}
      {...nativeProps}
      onChange={(event) => onInput?.({ detail: { value: event.currentTarget.value } })}
      onBlur={(event) => onBlur?.({ detail: { value: event.currentTarget.value } })}
      onFocus={(event) => onFocus?.({ detail: { value: event.currentTarget.value } })}
    />
  );
};

/**
 * Picker: the children are what the user taps; the platform then shows its own chooser. Here the
 * chooser is a <select> (mode selector: detail.value is the index) or a date <input> (mode date:
 * detail.value is 'YYYY-MM-DD'), marked data-picker-control, for tests to change.
 */
export const Picker = ({ children, mode = 'selector', range, rangeKey, value, start, end, disabled, onChange, id, className, ...rest }: Props & {
  mode?: string;
  range?: Array<string | number | Record<string, unknown>>;
  rangeKey?: string;
  value?: string | number;
  start?: string;
  end?: string;
  disabled?: boolean;
  onChange?: (event: ValueEvent<string | number>) => void;
}) => (
  <div id={id} className={className} data-picker={mode} {...attributes(rest)}>
    {children}
    {mode === 'date' ? (
      <input
        type='date'
        data-picker-control=''
        value={String(value ?? '')}
        min={start}
        max={end}
        disabled={disabled}
        onChange={(event) => onChange?.({ detail: { value: event.currentTarget.value } })}
      />
    ) : (
      <select data-picker-control='' value={String(value ?? 0)} disabled={disabled} onChange={(event) => onChange?.({ detail: { value: Number(event.currentTarget.value) } })}>
        {(range ?? []).map((item, index) => (
          <option key={index} value={index}>
            {typeof item === 'object' && rangeKey ? String(item[rangeKey]) : String(item)}
          </option>
        ))}
      </select>
    )}
  </div>
);
