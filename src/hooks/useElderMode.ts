// 长辈版 (elder mode): one switch, remembered on the device, shared by every page.
import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

const STORAGE_KEY = 'elderMode';
const listeners = new Set<(value: boolean) => void>();

function readStored(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

export function setElderMode(value: boolean): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, value);
  } catch {
    // Storage full or unavailable: the switch still works for this session.
  }
  listeners.forEach((listener) => listener(value));
}

export function useElderMode(): [boolean, (value: boolean) => void] {
  const [elder, setElder] = useState(readStored);
  useEffect(() => {
    listeners.add(setElder);
    return () => {
      listeners.delete(setElder);
    };
  }, []);
  // Pages stay alive in the page stack: re-read when one comes back into view.
  useDidShow(() => setElder(readStored()));
  return [elder, setElderMode];
}
