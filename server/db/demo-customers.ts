import { sql } from 'kysely';
import { formatCustomerCode } from '../../common/codes.js';
import type { CustomerStatus } from '../../common/customers.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from './pool.js';

type DemoCustomer = {
  name: string;
  contact: [family: string, given: string];
  department?: string;
  title?: string;
  postal: string;
  prefecture: string;
  address: string;
  phone: string;
  status?: CustomerStatus;
  balance?: number;
  lastBilledOn?: string;
  memo1?: string;
};

const c = (
  name: string,
  contact: [string, string],
  postal: string,
  prefecture: string,
  address: string,
  phone: string,
  extra: Partial<DemoCustomer> = {},
): DemoCustomer => ({ name, contact, postal, prefecture, address, phone, ...extra });

/** 顧客 of the demo tenant T8000001, so the customer list has pages, filters and sorting to show. */
const tenant1Customers: DemoCustomer[] = [
  c('株式会社広島精機', ['山本', '健一'], '733-0001', '広島県', '広島市西区大芝1-2-3', '0822345678', {
    balance: 55000,
    lastBilledOn: '2026-10-31',
    department: '総務部',
  }),
  c('東京電設株式会社', ['佐藤', '浩二'], '100-0005', '東京都', '千代田区丸の内2-4-1', '0332101234', {
    balance: 0,
    lastBilledOn: '2026-10-31',
  }),
  c('大阪食品工業株式会社', ['田中', '美咲'], '530-0001', '大阪府', '大阪市北区梅田3-1-1', '0663451122', {
    balance: 128000,
    lastBilledOn: '2026-09-30',
    title: '課長',
  }),
  c('名古屋運輸株式会社', ['鈴木', '大輔'], '450-0002', '愛知県', '名古屋市中村区名駅4-7-1', '0525861234'),
  c(
    '札幌システム開発株式会社',
    ['高橋', '直樹'],
    '060-0001',
    '北海道',
    '札幌市中央区北一条西2-1',
    '0112223344',
    { status: 'draft' },
  ),
  c('福岡商事株式会社', ['伊藤', '由美'], '810-0001', '福岡県', '福岡市中央区天神1-8-1', '0927110001', {
    balance: 33000,
    lastBilledOn: '2026-10-31',
  }),
  c('仙台物産株式会社', ['渡辺', '誠'], '980-0021', '宮城県', '仙台市青葉区中央1-3-1', '0222671234', {
    status: 'cancelled',
    lastBilledOn: '2026-03-31',
  }),
  c(
    '横浜ソフトウェア株式会社',
    ['中村', '翔太'],
    '220-0011',
    '神奈川県',
    '横浜市西区高島2-19-12',
    '0454411234',
    { balance: 8800, lastBilledOn: '2026-10-31' },
  ),
  c('有限会社山田工務店', ['山田', '太郎'], '330-0063', '埼玉県', 'さいたま市浦和区高砂3-15-1', '0488301234'),
  c(
    '京都印刷株式会社',
    ['小林', '京子'],
    '600-8216',
    '京都府',
    '京都市下京区烏丸通七条下る東塩小路町721-1',
    '0753431234',
    { balance: 4400, lastBilledOn: '2026-08-31' },
  ),
  c('神戸化学株式会社', ['加藤', '亮'], '650-0001', '兵庫県', '神戸市中央区加納町6-5-1', '0783311234', {
    department: '情報システム部',
  }),
  c('合同会社みらい設計', ['吉田', '葵'], '260-0013', '千葉県', '千葉市中央区中央4-5-1', '0432231234', {
    status: 'draft',
  }),
  c('静岡製茶株式会社', ['山口', '茂'], '420-0853', '静岡県', '静岡市葵区追手町9-6', '0542211234', {
    balance: 22000,
    lastBilledOn: '2026-10-31',
  }),
  c(
    '新潟米穀株式会社',
    ['松本', '幸子'],
    '951-8550',
    '新潟県',
    '新潟市中央区学校町通1番町602-1',
    '0252851234',
  ),
  c('金沢工芸株式会社', ['井上', '拓也'], '920-0918', '石川県', '金沢市尾山町9-13', '0762201234', {
    lastBilledOn: '2026-10-31',
  }),
  c('岡山精密工業株式会社', ['木村', '隆'], '700-0024', '岡山県', '岡山市北区駅元町1-1', '0862251234', {
    balance: 76000,
    lastBilledOn: '2026-09-30',
  }),
  c('熊本農産株式会社', ['林', '恵'], '860-0806', '熊本県', '熊本市中央区花畑町4-1', '0963541234'),
  c('株式会社那覇リゾートサービス', ['比嘉', '優'], '900-0015', '沖縄県', '那覇市久茂地1-1-1', '0988661234', {
    memo1: '年末に契約更新の相談予定',
  }),
  c('松山機械株式会社', ['清水', '聡'], '790-0003', '愛媛県', '松山市三番町4-4-1', '0899411234', {
    status: 'cancelled',
  }),
  c('高松物流株式会社', ['森', '由紀'], '760-0019', '香川県', '高松市サンポート2-1', '0878221234', {
    balance: 15400,
    lastBilledOn: '2026-10-31',
  }),
  c('長野精機株式会社', ['池田', '学'], '380-0836', '長野県', '長野市南県町657', '0262321234'),
  c('株式会社つくば技研', ['橋本', '洋平'], '305-0031', '茨城県', 'つくば市吾妻1-10-1', '0298511234', {
    title: '取締役',
  }),
  c('宇都宮電子株式会社', ['山崎', '真理'], '320-0026', '栃木県', '宇都宮市馬場通り2-1-1', '0286211234', {
    balance: 3300,
    lastBilledOn: '2026-10-31',
  }),
  c('前橋建設株式会社', ['石井', '剛'], '371-0023', '群馬県', '前橋市本町2-12-1', '0272211234'),
  c('岐阜繊維株式会社', ['斎藤', '明美'], '500-8833', '岐阜県', '岐阜市神田町9-27', '0582621234', {
    status: 'draft',
  }),
  c('三重水産株式会社', ['阿部', '勝'], '514-0004', '三重県', '津市栄町1-891', '0592271234', {
    balance: 9900,
    lastBilledOn: '2026-07-31',
  }),
  c('鹿児島酒造株式会社', ['前田', '久美子'], '892-0816', '鹿児島県', '鹿児島市山下町11-1', '0992241234'),
  c('富山薬品株式会社', ['藤田', '修'], '930-0005', '富山県', '富山市新桜町7-38', '0764311234', {
    balance: 41000,
    lastBilledOn: '2026-10-31',
  }),
  c('株式会社青森りんご園', ['後藤', '千尋'], '030-0801', '青森県', '青森市新町1-3-7', '0177341234'),
  c('大分温泉開発株式会社', ['岡田', '隼人'], '870-0021', '大分県', '大分市府内町3-4-20', '0975341234', {
    lastBilledOn: '2026-10-31',
  }),
];

/** A few 顧客 of the second demo tenant T8000002. */
const tenant2Customers: DemoCustomer[] = [
  c('サンプル物産株式会社', ['近藤', '亜希'], '104-0061', '東京都', '中央区銀座4-6-16', '0335621234', {
    balance: 12000,
    lastBilledOn: '2026-10-31',
  }),
  c('みなと運送株式会社', ['村上', '健'], '231-0002', '神奈川県', '横浜市中区海岸通1-1', '0452011234'),
  c('有限会社さくら食堂', ['遠藤', '花'], '460-0008', '愛知県', '名古屋市中区栄3-5-1', '0522611234', {
    status: 'draft',
  }),
  c('北陸システム株式会社', ['青木', '大地'], '920-0853', '石川県', '金沢市本町2-15-1', '0762341234'),
];

async function insertCustomers(trx: Db, clock: Clock, tenantId: string, customers: DemoCustomer[]) {
  for (const x of customers) {
    const { n } = (await sql<{ n: string }>`SELECT nextval('customer_code_seq') AS n`.execute(trx)).rows[0]!;
    const organization = await trx
      .insertInto('organizations')
      .values({ kind: 'customer', code: formatCustomerCode(BigInt(n)), name: x.name, tenant_id: tenantId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('customers')
      .values({
        id: organization.id,
        tenant_id: tenantId,
        status: x.status ?? 'active',
        memo1: x.memo1 ?? null,
        contact_family_name: x.contact[0],
        contact_given_name: x.contact[1],
        department: x.department ?? null,
        title: x.title ?? null,
        email: `contact@customer${n}.example`,
        postal_code: x.postal,
        prefecture: x.prefecture,
        address: x.address,
        phone: x.phone,
        balance: x.balance ?? 0,
        last_billed_on: x.lastBilledOn ?? null,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
  }
}

/** The demo customers of both demo tenants (the demo customer company itself is seeded on its own). */
export async function seedDemoCustomers(trx: Db, clock: Clock, tenant1Id: string, tenant2Id: string) {
  await insertCustomers(trx, clock, tenant1Id, tenant1Customers);
  await insertCustomers(trx, clock, tenant2Id, tenant2Customers);
}
