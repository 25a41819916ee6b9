// Fictional cards for the reader emulator, demo mode and tests: persons A, B and J of reference/hardware.md §1.9,
// one card of each foreigner's permanent residence card version, and the demo kiosk's 模拟刷卡 cards. No real person.

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

/** 模拟刷卡: a volunteer the demo seeds register with some balance and history (王*华). */
export const demoVolunteerCard: ResidentCard = {
  kind: 'resident', name: '王丽华', sex: 'female', nationCode: '01', nation: '汉', birthDate: '1978-06-15',
  address: '北京市朝阳区幸福里1号楼2单元301', idNumber: '110105197806150425', authority: '北京市公安局朝阳分局',
  validFrom: '2018-06-15', validTo: '2038-06-15',
};

/** 模拟刷卡: an elder aged 65+ the demo seeds register, for services with an age limit (赵*明). */
export const demoElderCard: ResidentCard = {
  kind: 'resident', name: '赵德明', sex: 'male', nationCode: '01', nation: '汉', birthDate: '1950-02-11',
  address: '北京市朝阳区幸福里3号楼1单元102', idNumber: '110105195002110314', authority: '北京市公安局朝阳分局',
  validFrom: '2010-02-11', validTo: 'long_term',
};

/** 模拟刷卡: a card the demo seeds never register, to show 注册 (孙*雨). */
export const demoNewcomerCard: ResidentCard = {
  kind: 'resident', name: '孙小雨', sex: 'female', nationCode: '01', nation: '汉', birthDate: '1996-09-23',
  address: '北京市朝阳区和平路6号院5号楼', idNumber: '110105199609230687', authority: '北京市公安局朝阳分局',
  validFrom: '2016-09-23', validTo: '2036-09-23',
};

export type DemoCardRole = 'volunteer' | 'elder' | 'newcomer';

/** What the demo kiosk's card picker offers, in order. */
export const demoPickerCards: readonly { readonly role: DemoCardRole; readonly card: ResidentCard }[] = [
  { role: 'volunteer', card: demoVolunteerCard },
  { role: 'elder', card: demoElderCard },
  { role: 'newcomer', card: demoNewcomerCard },
];
