// Named limits and defaults of the domain rules (design.md §3), each with its unit in the name.
// Settings that a station or activity may change are `...Default` (station settings: docs/station-settings.md);
// hard limits are `...Max` / `...Min`, and the range a station may set is `...SettingMin` / `...SettingMax`.

/** Minutes after an activity's scheduled end that still count (rule 2). */
export const lateGraceMinutesDefault = 30;
/** How long before the scheduled start a kiosk accepts check-ins. */
export const checkInOpensBeforeMinutesDefault = 60;
/** Rounding step used when an activity sets none (rule 3: down to 15). */
export const roundingStepMinutesDefault = 15;
/** Check-in/check-out pairs per person per activity per business day (rule 5, i志愿); a station setting. */
export const pairsPerDayDefault = 3;
/** The pairs per day a station may set. */
export const pairsPerDaySettingMin = 1;
export const pairsPerDaySettingMax = 20;
/** An open attendance is auto-closed after this long even before the activity ends (rule 6). */
export const forgottenCheckOutHoursMax = 8;
/** Longest activity the rules accept: one year (i志愿 publishing rule). */
export const activityDurationMinutesMax = 366 * 24 * 60;
/** Late grace an activity may configure. */
export const lateGraceMinutesMax = 24 * 60;
/** Check-in window before the start an activity may configure. */
export const checkInOpensBeforeMinutesMax = 24 * 60;

/** Points per credited hour when an activity sets none (rule 8). */
export const pointsPerHourDefault = 10;
/** Points per hour an activity may configure. */
export const pointsPerHourMax = 1_000;
/** Fixed bonus points per attendance an activity may configure. */
export const bonusPointsMax = 1_000;
/** Points one person may earn per business day: the cap a new activity gets when none is given (rule 8); a station setting. */
export const pointsDailyCapDefault = 40;
/** Daily points cap an activity, or a station's default for new activities, may configure. */
export const pointsDailyCapPointsMax = 10_000;

/** Storage cap for `time` per person: 1,500 hours (rule 9, 南京); the default of a station setting. */
export const timeStorageCapMinutes = 1_500 * 60;
/** The storage cap a station may set: one hour to about 19 years of full-time service. */
export const timeStorageCapMinutesSettingMin = 60;
export const timeStorageCapMinutesSettingMax = 10_000_000;
/** Time credits one person may give away per calendar year by default (rule 10); a station setting (0 = no gifts). */
export const giftYearlyCapMinutesDefault = 100 * 60;
/** The yearly gift cap a station may set. */
export const giftYearlyCapMinutesSettingMax = 10_000_000;

/** Per person per offline spell at one kiosk (rule 14). */
export const offlineRedemptionPointsMax = 200;
/** Per person per offline spell at one kiosk (rule 14). */
export const offlineRedemptionMinutesMax = 120;

/** Under this age a resident cannot self-register at a kiosk (rule 16). */
export const selfRegistrationAgeMin = 14;

/** Largest amount of any asset in one posting; keeps every sum a safe integer. */
export const amountMax = 1_000_000_000;

/** Asia/Shanghai is UTC+8 all year (no DST since 1991). */
export const businessUtcOffsetMinutes = 8 * 60;

/** Raw ID-number input longer than this is rejected before any parsing. */
export const idNumberInputCharsMax = 64;
/** Earliest birth year accepted in an ID number (the standard's own example is from 1880). */
export const idNumberBirthYearMin = 1850;

/** Digits after the `V` of a volunteer number. */
export const volunteerNoDigits = 8;
/** Member QR text longer than this is rejected before any parsing. */
export const memberQrCharsMax = 64;
/** Base64url characters of a member-QR signature: 128-bit (22) to 256-bit (43) HMAC tags. */
export const memberQrSignatureCharsMin = 22;
export const memberQrSignatureCharsMax = 43;
