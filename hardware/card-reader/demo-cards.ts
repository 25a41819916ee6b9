// Fictional cards for the reader emulator, demo mode and tests: persons A, B and J of reference/hardware.md §1.9
// plus one card of each foreigner's permanent residence card version. No real person.

import type { Foreign2017Card, Foreign2023Card, HmtPermitCard, ResidentCard } from './card-text.ts';

export const demoResidentMale: ResidentCard = {
  kind: 'resident', name: '张测试', sex: 'male', nationCode: '01', nation: '汉', birthDate: '1990-03-07',
  address: '北京市东城区测试路1号', idNumber: '110101199003071233', authority: '北京市公安局东城分局',
  validFrom: '2020-01-01', validTo: '2040-01-01',
};

export const demoResidentFemale: ResidentCard = {
  kind: 'resident', name: '李样例', sex: 'female', nationCode: '03', nation: '回', birthDate: '1955-12-31',
  address: '上海市徐汇区样例街88弄8号', idNumber: '310104195512310026', authority: '上海市公安局徐汇分局',
  validFrom: '2015-06-01', validTo: 'long_term',
};

export const demoHmtPermit: HmtPermitCard = {
  kind: 'hmt_permit', name: '陈例证', sex: 'female', birthDate: '1995-05-05', address: '广东省深圳市福田区样例路2号',
  idNumber: '810000199505050129', authority: '深圳市公安局福田分局', validFrom: '2024-03-01', validTo: '2029-03-01',
  travelPermitNumber: 'H00000000', issueCount: '01',
};

export const demoForeign2017: Foreign2017Card = {
  kind: 'foreign_2017', englishName: 'SAMPLE, ALEX TEST', chineseName: '萨测试', sex: 'male', permitNumber: 'USA110088123456',
  nationality: 'USA', validFrom: '2018-04-01', validTo: '2028-04-01', birthDate: '1980-02-29', cardVersion: '01', authorityCode: '1100',
};

export const demoForeign2023: Foreign2023Card = {
  kind: 'foreign_2023', chineseName: '例安娜', englishName: 'EXAMPLEPERSON-LONGFAMILYNAME, ANNA MARIA TEST', sex: 'female',
  renewalCount: '00', birthDate: '1988-08-08', idNumber: '933000198808080005', validFrom: '2024-01-01', validTo: '2034-01-01',
  nationality: 'CAN', previousNumberLink: '',
};
