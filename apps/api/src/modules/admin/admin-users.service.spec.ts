import { searchOf } from './admin-users.service';

describe('searchOf', () => {
  it('reads a phone number in any usual spelling as a phone search (E.164)', () => {
    expect(searchOf('0912 345 678')).toEqual({ kind: 'phone', phone: '+84912345678', email: null, name: null });
    expect(searchOf('+84912345678').phone).toBe('+84912345678');
  });

  it('reads an email address (lower-cased) and anything else as part of a name', () => {
    expect(searchOf(' Mai@Example.VN ')).toEqual({ kind: 'email', phone: null, email: 'mai@example.vn', name: null });
    expect(searchOf('Lò Văn')).toEqual({ kind: 'name', phone: null, email: null, name: 'Lò Văn' });
    expect(searchOf('123').kind).toBe('name');
    expect(searchOf(undefined).kind).toBeNull();
    expect(searchOf('  ').kind).toBeNull();
  });
});
