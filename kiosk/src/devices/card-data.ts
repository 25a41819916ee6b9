// Maps a card read by the hardware driver to the identify request's card fields (design §5). Pure.
// Foreigners' cards carry a permit number instead of an ID number, and Chinese and English names.

import type { IdCard } from '../../../hardware/card-reader/card-text.ts';
import type { CardData } from '../flow/types.ts';

export function cardDataOf(card: IdCard): CardData {
  switch (card.kind) {
    case 'resident':
      return { idNumber: card.idNumber, name: card.name, sex: card.sex, nation: card.nation, birthDate: card.birthDate, address: card.address, authority: card.authority, validFrom: card.validFrom, validTo: card.validTo };
    case 'hmt_permit':
      return { idNumber: card.idNumber, name: card.name, sex: card.sex, birthDate: card.birthDate, address: card.address, authority: card.authority, validFrom: card.validFrom, validTo: card.validTo };
    case 'foreign_2017':
      return { idNumber: card.permitNumber, name: card.chineseName || card.englishName, sex: card.sex, birthDate: card.birthDate, validFrom: card.validFrom, validTo: card.validTo };
    case 'foreign_2023':
      return { idNumber: card.idNumber, name: card.chineseName || card.englishName, sex: card.sex, birthDate: card.birthDate, validFrom: card.validFrom, validTo: card.validTo };
  }
}
