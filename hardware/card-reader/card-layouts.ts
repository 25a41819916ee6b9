// Byte layouts of the 256-byte UCS-2LE text block for each card variant (reference/hardware.md §1.7-1.8).
// Pure data shared by the parser and the emulator's encoder.

export const cardTextBytes = 256;
/** The card-type flag character sits at byte 248 (char index 124): space, `I`, `J` or `Y`. */
export const cardTypeFlagOffset = 248;

export type CardKind = 'resident' | 'hmt_permit' | 'foreign_2017' | 'foreign_2023';
export const cardTypeFlags: Readonly<Record<CardKind, string>> = { resident: ' ', hmt_permit: 'J', foreign_2017: 'I', foreign_2023: 'Y' };

export type FieldSpan = readonly [offsetBytes: number, lengthBytes: number];

const sharedResidentSpans = {
  name: [0, 30],
  sex: [30, 2],
  birthDate: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  authority: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Record<string, FieldSpan>;

export const cardLayouts = {
  resident: { ...sharedResidentSpans, nationCode: [32, 4] },
  hmt_permit: { ...sharedResidentSpans, travelPermitNumber: [220, 18], issueCount: [238, 4] },
  foreign_2017: {
    englishName: [0, 120],
    sex: [120, 2],
    permitNumber: [122, 30],
    nationality: [152, 6],
    chineseName: [158, 30],
    validFrom: [188, 16],
    validTo: [204, 16],
    birthDate: [220, 16],
    cardVersion: [236, 4],
    authorityCode: [240, 8],
  },
  foreign_2023: {
    chineseName: [0, 30],
    sex: [30, 2],
    renewalCount: [32, 4],
    birthDate: [36, 16],
    englishNameHead: [52, 70],
    idNumber: [122, 36],
    validFrom: [188, 16],
    validTo: [204, 16],
    englishNameTail: [220, 22],
    nationality: [242, 6],
    previousNumberLink: [250, 6],
  },
} as const satisfies Record<CardKind, Record<string, FieldSpan>>;
