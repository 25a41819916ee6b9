// Proves rule 16: separate consent to the current notice, and no self-registration under 14.
import { describe, expect, it } from 'vitest';
import { decideSelfRegistration, type RegistrationInput } from './registration.ts';

const base: RegistrationInput = { consentVersion: 'v1', currentConsentVersion: 'v1', birthDate: '2011-05-10', today: '2025-05-10' };

describe('decideSelfRegistration', () => {
  it('registers someone who turns 14 today (limit)', () => {
    expect(decideSelfRegistration(base)).toEqual({ ok: true, value: { age: 14 } });
  });

  it('refuses someone a day short of 14 (under_self_registration_age)', () => {
    expect(decideSelfRegistration({ ...base, today: '2025-05-09' })).toMatchObject({ code: 'under_self_registration_age' });
  });

  it('refuses without consent or with consent to an older notice', () => {
    expect(decideSelfRegistration({ ...base, consentVersion: null })).toMatchObject({ code: 'consent_missing' });
    expect(decideSelfRegistration({ ...base, consentVersion: 'v0' })).toMatchObject({ code: 'consent_version_outdated' });
  });

  it('refuses an unknown or future birth date (birth_date_invalid)', () => {
    expect(decideSelfRegistration({ ...base, birthDate: null })).toMatchObject({ code: 'birth_date_invalid' });
    expect(decideSelfRegistration({ ...base, birthDate: '2025-05-11' })).toMatchObject({ code: 'birth_date_invalid' });
  });
});
