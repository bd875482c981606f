// Checks for the identity documents an application names (条例第二十九条: 身份证明). Pure and
// isomorphic: the same checks run in the form and on the server.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** 居民身份证 (GB 11643-1999): 18 characters, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
export function isValidResidentId(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const year = Number(birth.slice(0, 4));
  const month = Number(birth.slice(4, 6));
  const day = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  return ID_CHECK_CHARS[sum % 11] === id[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters from its alphabet, with the MOD 31 check character. */
export function isValidSocialCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (code.length !== 18 || [...code].some((char) => !USCC_CHARS.includes(char))) return false;
  const sum = USCC_WEIGHTS.reduce((acc, weight, i) => acc + weight * USCC_CHARS.indexOf(code[i]!), 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value.trim());
}

/** Shows only what a list needs: 3701**********123X, 138****5678. */
export function maskIdNumber(value: string): string {
  const id = value.trim();
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskMobile(value: string): string {
  const phone = value.trim();
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone.replace(/\d(?=\d{2})/g, '*');
}

/** 张三 → 张*, 欧阳娜娜 → 欧**娜: a name shown publicly keeps its first (and last) character. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
