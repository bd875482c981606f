import { feePerApplication, feePerPage } from '@/domain/requests/fees';

describe('processing fees (国办函〔2020〕109号)', () => {
  it('charges per application by the count in the calendar month', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(feePerApplication)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
  });

  it('charges per page by tier', () => {
    expect(feePerPage(30)).toBe(0);
    expect(feePerPage(31)).toBe(10);
    expect(feePerPage(100)).toBe(700);
    expect(feePerPage(101)).toBe(720);
    expect(feePerPage(200)).toBe(2700);
    expect(feePerPage(201)).toBe(2740);
  });

  it('refuses impossible counts', () => {
    expect(() => feePerApplication(0)).toThrow(RangeError);
    expect(() => feePerPage(-1)).toThrow(RangeError);
  });
});
