import { isValidMobile, isValidResidentId, isValidSocialCreditCode, maskIdNumber, maskMobile, maskName } from '@/domain/requests/identity-documents';

describe('identity documents', () => {
  it('accepts resident ID numbers with a correct check character, including X', () => {
    // The GB 11643 specimen number and a computed one ending in X.
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('440524188001010014')).toBe(false); // year before 1900
    expect(isValidResidentId('370303199002301236')).toBe(false); // 30 February
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(isValidResidentId('1101051949123100')).toBe(false);
  });

  it('accepts unified social credit codes with a correct check character', () => {
    expect(isValidSocialCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidSocialCreditCode('91350100M000100I43')).toBe(false); // I is not in the alphabet
  });

  it('checks mainland mobile numbers', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });

  it('masks personal data for lists', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
});
