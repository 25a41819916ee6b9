// Fictional demo data for an empty database, deterministic from a fixed seed: one district, one street, two
// communities, three stations, activities today and this week, a services catalogue, 50 people (two of them the
// demo kiosk's 模拟刷卡 cards, demo-people.ts), family links and three days of ledger history (demo-history.ts). Written through the service's own functions and ledger units.

import { businessDateOf, businessDayStartMs } from '../domain/business-date.ts';
import { createIdGenerator } from '../domain/ids.ts';
import { makeIdNumber } from '../domain/id-number.ts';
import { seededRandom } from '../domain/seeded-random.ts';
import { assert } from '../domain/assert.ts';
import { insertRegion, insertStation } from '../ledger/src/db/station/stations.ts';
import { createActivity, createService } from '../ledger/src/services/catalogue.ts';
import type { ServiceContext } from '../ledger/src/services/context.ts';
import { linkFamily, registerPerson } from '../ledger/src/services/people.ts';
import type { ServiceRow } from '../ledger/src/db/station/catalogue.ts';
import { seedDemoHistory } from './demo-history.ts';
import { demoCardPeopleCount, registerDemoCardPeople } from './demo-people.ts';

export const demoSeed = 20260401;
export const demoPeopleCount = 50;
const hourMs = 60 * 60_000;
const dayMs = 24 * hourMs;

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const givenNames = ['建国', '秀英', '桂兰', '志强', '丽华', '海燕', '文杰', '淑珍', '晓明', '玉梅', '国庆', '春花', '子涵', '雨桐', '浩然', '思远'];
/** The demo stations, first one first: the demo kiosk and the 模拟刷卡 people belong to the first. */
export const demoStationNames = ['幸福里党群服务站', '幸福里第二服务站', '和平路党群服务站'] as const;
const regionCodes = ['110101', '110102', '110105', '320102', '440103'];

export type DemoSummary = { districtId: string; stationIds: string[]; personIds: string[]; transactions: number };

/** Loads the demo data; the caller checks the database is empty first. `ctx.nowMs` sets "today". */
export async function seedDemo(ctx: ServiceContext): Promise<DemoSummary> {
  const random = seededRandom(demoSeed);
  const seeded: ServiceContext = { ...ctx, newId: createIdGenerator(() => Date.UTC(2026, 3, 1), (count) => Uint8Array.from({ length: count }, () => Math.floor(random() * 256))) };
  const createdAtMs = ctx.nowMs();
  const districtId = seeded.newId(), streetId = seeded.newId();
  const communities = [{ id: seeded.newId(), name: '幸福里社区' }, { id: seeded.newId(), name: '和平路社区' }];
  await insertRegion(ctx.database, { id: districtId, level: 'district', name: '示范区', parentId: null });
  await insertRegion(ctx.database, { id: streetId, level: 'street', name: '朝阳街道', parentId: districtId });
  for (const community of communities) await insertRegion(ctx.database, { id: community.id, level: 'community', name: community.name, parentId: streetId });
  const stations = [
    { id: seeded.newId(), communityId: communities[0]!.id, name: demoStationNames[0], address: '幸福里 1 号' },
    { id: seeded.newId(), communityId: communities[0]!.id, name: demoStationNames[1], address: '幸福里 88 号' },
    { id: seeded.newId(), communityId: communities[1]!.id, name: demoStationNames[2], address: '和平路 6 号' },
  ];
  for (const station of stations) await insertStation(ctx.database, { ...station, createdAtMs });

  const todayStartMs = businessDayStartMs(businessDateOf(ctx.nowMs()));
  const servicesOf = new Map<string, ServiceRow[]>();
  for (const station of stations) {
    const at = (day: number, hour: number) => todayStartMs + day * dayMs + hour * hourMs;
    await createActivity(seeded, 'seed', { stationId: station.id, title: '社区义诊志愿服务', kind: 'service', startsAtMs: at(0, 9), endsAtMs: at(0, 11) });
    await createActivity(seeded, 'seed', { stationId: station.id, title: '助老陪伴', kind: 'service', startsAtMs: at(0, 14), endsAtMs: at(0, 17), pointsPerHour: 12, bonusPoints: 5 });
    await createActivity(seeded, 'seed', { stationId: station.id, title: '党小组会', kind: 'meeting', startsAtMs: at(1, 19), endsAtMs: at(1, 20), pointsPerHour: 0, approval: 'auto' });
    await createActivity(seeded, 'seed', { stationId: station.id, title: '一对多结对走访', kind: 'household_visit', startsAtMs: at(2, 9), endsAtMs: at(2, 12), approval: 'manager' });
    await createActivity(seeded, 'seed', { stationId: station.id, title: '环境清洁日', kind: 'service', startsAtMs: at(5, 8), endsAtMs: at(5, 10), rounding: { mode: 'nearest', stepMinutes: 30 } });
    servicesOf.set(station.id, [
      await createService(seeded, 'seed', { stationId: station.id, name: '理发', asset: 'time', price: 30 }),
      await createService(seeded, 'seed', { stationId: station.id, name: '居家保洁（1小时）', asset: 'time', price: 60, minAge: 60 }),
      await createService(seeded, 'seed', { stationId: station.id, name: '助餐券', asset: 'points', price: 20 }),
      await createService(seeded, 'seed', { stationId: station.id, name: '健康咨询', asset: 'points', price: 10 }),
    ]);
  }

  const personIds: string[] = [];
  for (let index = 0; index < demoPeopleCount - demoCardPeopleCount; index++) {
    const birthYear = 1940 + Math.floor(random() * 66);
    const birth = `${birthYear}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}`;
    const idNumber = makeIdNumber(`${regionCodes[index % regionCodes.length]}${birth}${String(100 + index).slice(-3)}`);
    const name = `${surnames[Math.floor(random() * surnames.length)]}${givenNames[Math.floor(random() * givenNames.length)]}`;
    const phone = `170${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const station = stations[index % stations.length]!;
    const result = await registerPerson(seeded, {
      card: { idNumber, name }, phone, consentVersion: 'v1', stationId: station.id, registeredBy: 'seed',
      ...(index % 7 === 0 && { workUnit: ['区卫健委', '区教育局', '朝阳街道办事处'][index % 3]! }),
    }, { selfRegistration: false });
    assert(result.ok, `demo person ${index} must register: ${result.ok ? '' : result.code}`);
    personIds.push(result.value.id);
  }
  const relations = ['spouse', 'child', 'parent', 'grandchild', 'spouse'] as const;
  for (const [index, relation] of relations.entries()) {
    const linked = await linkFamily(seeded, 'seed', personIds[index * 2]!, personIds[index * 2 + 1]!, relation);
    assert(linked.ok, 'demo family link must be created');
  }
  // The card people come first at the first station, so the history's pick of volunteers starts with them.
  const cardPersonIds = await registerDemoCardPeople(seeded, stations[0]!.id);
  const history = await seedDemoHistory(seeded, stations.map((station, stationIndex) => ({
    id: station.id, services: servicesOf.get(station.id) ?? [],
    personIds: [...(stationIndex === 0 ? cardPersonIds : []), ...personIds.filter((_, index) => index % stations.length === stationIndex)],
  })), random);
  personIds.push(...cardPersonIds);
  return { districtId, stationIds: stations.map((station) => station.id), personIds, transactions: history.transactions };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
