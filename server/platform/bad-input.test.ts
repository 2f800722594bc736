import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { limits } from '../../common/limits.js';
import { passkeyNameMax } from '../../common/passkeys.js';
import { createInvitation } from '../modules/invitations/create-invitation.js';
import { makeCustomer, makeOperator, makeTenant, makeUser, TEST_PASSWORD } from '../test/factories.js';
import { countRows, defaultPolicyBody, signedIn, validationError as validation } from '../test/helpers.js';
import { TestClient } from '../test/http-client.js';
import { registeredRoutes } from '../test/route-collector.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { newToken } from './tokens.js';

vi.mock('fastify', async (importOriginal) =>
  (await import('../test/route-collector.js')).withRouteCollector(await importOriginal()),
);

/**
 * Bad input on every route that takes a body: always a 400 (or 413/415 for the transport) in the
 * one error shape, naming the field, never a 5xx, and nothing written.
 */

const REQUIRED = '入力してください。';
const INVALID = '入力内容が正しくありません。';
const TOO_LONG = '入力できる文字数を超えています。';
const UNKNOWN = 'この項目は受け付けられません。';
const MALFORMED = 'リクエストの形式が正しくありません。';

/** An e-mail address of exactly `length` characters. */
const emailOfLength = (length: number) => `${'a'.repeat(length - '@example.jp'.length)}@example.jp`;
const password = (length: number) => `Aa1-${'x'.repeat(length - 4)}`;

let t: TestApp;
let tenant: Awaited<ReturnType<typeof makeTenant>>;
let opUser: { id: string };
const clients: Record<'operator' | 'user' | 'anonymous' | 'changer' | 'customer', TestClient> = {} as never;

type Body = Record<string, unknown>;
type BodyRoute = {
  route: string;
  as: keyof typeof clients;
  /** The concrete URL; may prepare fresh state (a new invitation link) for every call. */
  url: () => Promise<string> | string;
  valid: () => Body;
  /** What a valid body gets: not necessarily a success (login with unknown credentials is a 401). */
  okStatus: number;
  /** The answer to `{}`. */
  empty: Record<string, string[]>;
  wrongType: () => Body;
  wrongTypeFields: Record<string, string[]>;
  /** Bodies exactly at a field limit (accepted) and one over it (refused on the named fields). */
  limits: {
    field: string;
    atLimit: Body;
    overLimit: Body;
    fields: Record<string, string[]>;
    okStatus?: number;
  }[];
};

const signUp = (name: string, pw: string) => ({ name, password: pw, passwordConfirm: pw });

let unique = 0;
let member: { id: string };
let groupId: string;
/** ユーザー追加 with a new address each time, so a valid body always adds someone. */
const addUserBody = () => ({
  email: `added-${++unique}@example.jp`,
  phone: '03-1234-5678',
  locale: 'ja',
  timeZone: 'Asia/Tokyo',
  role: 'member',
});
const CHANGED_PASSWORD = 'Blue-Kite-Sings-77';
const policyBody = defaultPolicyBody;
/** A registration answer in the right shape (the bytes are not a real attestation). */
const passkeyBody = (name = '鍵') => ({
  name,
  response: {
    id: 'AAAA',
    rawId: 'AAAA',
    type: 'public-key',
    clientExtensionResults: {},
    response: { clientDataJSON: 'e30', attestationObject: 'oA' },
  },
});
const termsBody = { titleJa: '利用規約', titleEn: 'Terms of use', bodyJa: '本文', bodyEn: 'Body' };

/** 顧客作成 / 顧客情報変更 (CU-2, CU-3): the whole form; each edit needs a change, hence a fresh name. */
let customerOfTenant: { id: string };
let customerEdits = 0;
const POSTAL = '郵便番号は半角数字7桁、または「733-0001」の形式で入力してください。';
const customerForm = (over: Body = {}) => ({
  name: '検証顧客株式会社',
  contactFamilyName: '日電',
  contactGivenName: '太郎',
  email: 'contact@example.jp',
  postalCode: '733-0001',
  prefecture: '広島県',
  address: '広島市西区大芝1-2-3',
  phone: '0821234567',
  ...over,
});
const customerRequired = {
  name: [REQUIRED],
  contactFamilyName: [REQUIRED],
  contactGivenName: [REQUIRED],
  email: [REQUIRED],
  postalCode: [REQUIRED],
  prefecture: [REQUIRED],
  address: [REQUIRED],
  phone: [REQUIRED],
};
/** Every field of the form at its limit (accepted) and one over (refused on that field). */
const customerLimits = (): BodyRoute['limits'] => [
  ...(
    [
      ['name', 40],
      ['memo1', 255],
      ['memo2', 255],
      ['memo3', 255],
      ['contactFamilyName', 100],
      ['contactGivenName', 100],
      ['department', 40],
      ['title', 255],
      ['address', 100],
    ] as const
  ).map(([field, max]) => ({
    field,
    atLimit: customerForm({ [field]: 'あ'.repeat(max) }),
    overLimit: customerForm({ [field]: 'あ'.repeat(max + 1) }),
    fields: { [field]: [TOO_LONG] },
  })),
  ...[
    {
      field: 'email',
      atLimit: customerForm({ email: emailOfLength(limits.email) }),
      overLimit: customerForm({ email: emailOfLength(limits.email + 1) }),
      fields: { email: [TOO_LONG] },
    },
    {
      field: 'phone',
      atLimit: customerForm({ phone: '0'.repeat(15) }),
      overLimit: customerForm({ phone: '0'.repeat(16) }),
      fields: { phone: [TOO_LONG] },
    },
    {
      field: 'postalCode (7 digits)',
      atLimit: customerForm({ postalCode: '7331234' }),
      overLimit: customerForm({ postalCode: '73312345' }),
      fields: { postalCode: [POSTAL] },
    },
    {
      field: 'postalCode (NNN-NNNN)',
      atLimit: customerForm({ postalCode: '733-5678' }),
      overLimit: customerForm({ postalCode: '733-56789' }),
      fields: { postalCode: [POSTAL] },
    },
  ],
];

/** ログインユーザ (CU-6): a customer of the tenant whose one login user is edited in place. */
let loginCustomer: { id: string };
let loginUser: { id: string };
let loginUserEdits = 0;
const DIGITS = 'ハイフンを除く半角数字で入力してください。';
const loginUserForm = (over: Body = {}) => ({
  familyName: '日電',
  givenName: '花子',
  email: 'login-user@example.jp',
  ...over,
});
/** Each field of the form at its limit (accepted) and one over (refused on that field). */
const loginUserLimits = (email: (length: number) => string): BodyRoute['limits'] => [
  {
    field: 'familyName',
    atLimit: loginUserForm({ familyName: 'あ'.repeat(256) }),
    overLimit: loginUserForm({ familyName: 'あ'.repeat(257) }),
    fields: { familyName: [TOO_LONG] },
  },
  {
    field: 'givenName',
    atLimit: loginUserForm({ givenName: 'あ'.repeat(256) }),
    overLimit: loginUserForm({ givenName: 'あ'.repeat(257) }),
    fields: { givenName: [TOO_LONG] },
  },
  {
    field: 'email',
    atLimit: loginUserForm({ email: email(limits.email) }),
    overLimit: loginUserForm({ email: email(limits.email + 1) }),
    fields: { email: [TOO_LONG] },
  },
  {
    field: 'mobile',
    atLimit: loginUserForm({ mobile: '0'.repeat(11) }),
    overLimit: loginUserForm({ mobile: '0'.repeat(12) }),
    fields: { mobile: [TOO_LONG] },
  },
  {
    field: 'mobile (full-width digits)',
    atLimit: loginUserForm({ mobile: '09012345678' }),
    overLimit: loginUserForm({ mobile: '０９０１２３４５６７８' }),
    fields: { mobile: [DIGITS] },
  },
];

/** メールテンプレート (PP-7): subject ≤255, body ≤10,000; a save needs a change, hence a fresh subject. */
let templateEdits = 0;
let otherTenant: { id: string };
const templateLimits = (base: Body): BodyRoute['limits'] => [
  {
    field: 'subject',
    atLimit: { ...base, subject: 'あ'.repeat(255) },
    overLimit: { ...base, subject: 'あ'.repeat(256) },
    fields: { subject: [TOO_LONG] },
  },
  {
    field: 'body',
    atLimit: { ...base, body: 'あ'.repeat(10000) },
    overLimit: { ...base, body: 'あ'.repeat(10001) },
    fields: { body: [TOO_LONG] },
  },
];

/** A fresh activation link (ID-7) of one admin-added user, as its API path; the previous link ends. */
async function activationLink(): Promise<string> {
  const created = await t.db.transaction().execute((trx) =>
    createInvitation(trx, t.deps, {
      organization: { id: tenant.id, code: tenant.code, name: tenant.name, tenantId: tenant.id },
      email: 'activate@example.jp',
      role: 'member',
      invitedBy: opUser.id,
      ip: null,
      kind: 'activation',
      profile: { name: '開通　一郎', phone: '0312345678' },
    }),
  );
  return new URL(created.url).pathname.replace('/invitations/', '/api/invitations/');
}

/** テナント設定 (PP-4): every field; the lists are replaced as a whole. */
const tenantSettingsForm = (over: Body = {}) => ({
  utmApplicationEnabled: false,
  contractCheckExemptDays: 20,
  referrerUrls: ['https://www.example.co.jp/'],
  links: [
    {
      name: 'お知らせ',
      url: 'https://www.example.co.jp/news',
      description: '説明',
      publishedOn: '2026-04-01',
    },
  ],
  ...over,
});
const tenantLink = (over: Body) => ({ links: [{ ...tenantSettingsForm().links[0], ...over }] });
/** A URL of exactly `length` characters. */
const urlOfLength = (length: number) =>
  `https://example.jp/${'p'.repeat(length - 'https://example.jp/'.length)}`;
/** A referrer URL (scheme + host + `/`) of exactly `length` characters. */
const originOfLength = (length: number) => `https://${'h'.repeat(length - 'https://.jp/'.length)}.jp/`;
const applicationFieldForm = (over: Body = {}) => ({
  fields: [{ name: '紹介コード', required: true, type: 'select', options: ['あり', 'なし'], ...over }],
});

const bodyRoutes: BodyRoute[] = [
  {
    route: 'POST /api/auth/login',
    as: 'anonymous',
    url: () => '/api/auth/login',
    valid: () => ({ email: 'nobody@example.jp', password: 'whatever' }),
    okStatus: 401,
    empty: { email: [REQUIRED], password: [REQUIRED] },
    wrongType: () => ({ email: 42, password: 'whatever' }),
    wrongTypeFields: { email: [INVALID] },
    limits: [
      {
        field: 'email',
        atLimit: { email: emailOfLength(limits.email), password: 'whatever' },
        overLimit: { email: emailOfLength(limits.email + 1), password: 'whatever' },
        fields: { email: [TOO_LONG] },
      },
      {
        field: 'password',
        atLimit: { email: 'nobody@example.jp', password: password(limits.password) },
        overLimit: { email: 'nobody@example.jp', password: password(limits.password + 1) },
        fields: { password: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/session/organization',
    as: 'user',
    url: () => '/api/session/organization',
    valid: () => ({ organizationId: tenant.id }),
    okStatus: 200,
    empty: { organizationId: [INVALID] },
    wrongType: () => ({ organizationId: Number(tenant.id) }),
    wrongTypeFields: { organizationId: [INVALID] },
    limits: [
      {
        field: 'organizationId',
        // The largest id accepted is 18 digits; unknown, so not found rather than refused.
        atLimit: { organizationId: '9'.repeat(18) },
        overLimit: { organizationId: '9'.repeat(19) },
        fields: { organizationId: [INVALID] },
        okStatus: 404,
      },
    ],
  },
  {
    route: 'PUT /api/me/locale',
    as: 'user',
    url: () => '/api/me/locale',
    valid: () => ({ locale: 'ja' }),
    okStatus: 204,
    empty: { locale: [INVALID] },
    wrongType: () => ({ locale: 1 }),
    wrongTypeFields: { locale: [INVALID] },
    limits: [],
  },
  {
    route: 'POST /api/operator/tenants',
    as: 'operator',
    url: () => '/api/operator/tenants',
    valid: () => ({ name: '検証商事' }),
    okStatus: 201,
    empty: { name: [REQUIRED] },
    wrongType: () => ({ name: 123 }),
    wrongTypeFields: { name: [INVALID] },
    limits: [
      {
        field: 'name',
        atLimit: { name: 'あ'.repeat(limits.tenantName) },
        overLimit: { name: 'あ'.repeat(limits.tenantName + 1) },
        fields: { name: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/operator/tenants/:tenantId/invitations',
    as: 'operator',
    url: () => `/api/operator/tenants/${tenant.id}/invitations`,
    valid: () => ({ email: 'invitee@example.jp' }),
    okStatus: 201,
    empty: { email: [REQUIRED] },
    wrongType: () => ({ email: ['invitee@example.jp'] }),
    wrongTypeFields: { email: [INVALID] },
    limits: [
      {
        field: 'email',
        atLimit: { email: emailOfLength(limits.email) },
        overLimit: { email: emailOfLength(limits.email + 1) },
        fields: { email: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/invitations/:token/accept',
    as: 'anonymous',
    url: async () => {
      const n = Math.random().toString(36).slice(2);
      const created = await t.db.transaction().execute((trx) =>
        createInvitation(trx, t.deps, {
          organization: { id: tenant.id, code: tenant.code, name: tenant.name, tenantId: tenant.id },
          email: `invitee-${n}@example.jp`,
          role: 'admin',
          invitedBy: opUser.id,
          ip: null,
        }),
      );
      return `${new URL(created.url).pathname.replace('/invitations/', '/api/invitations/')}/accept`;
    },
    valid: () => signUp('招待　花子', TEST_PASSWORD),
    okStatus: 200,
    empty: { name: [REQUIRED], password: [REQUIRED], passwordConfirm: [REQUIRED] },
    wrongType: () => ({ ...signUp('招待　花子', TEST_PASSWORD), name: 7 }),
    wrongTypeFields: { name: [INVALID] },
    limits: [
      {
        field: 'name',
        // Family and given name with the one full-width space between them (`001 §2.2`).
        atLimit: signUp(`${'名'.repeat(19)}　${'前'.repeat(limits.personName - 20)}`, TEST_PASSWORD),
        overLimit: signUp(`${'名'.repeat(19)}　${'前'.repeat(limits.personName - 19)}`, TEST_PASSWORD),
        fields: { name: [TOO_LONG] },
      },
      {
        field: 'password',
        atLimit: signUp('招待　花子', password(limits.password)),
        overLimit: signUp('招待　花子', password(limits.password + 1)),
        fields: { password: [TOO_LONG], passwordConfirm: [TOO_LONG] },
      },
      {
        field: 'company',
        atLimit: { ...signUp('招待　花子', TEST_PASSWORD), company: 'あ'.repeat(limits.company) },
        overLimit: { ...signUp('招待　花子', TEST_PASSWORD), company: 'あ'.repeat(limits.company + 1) },
        fields: { company: [TOO_LONG] },
      },
      {
        field: 'note',
        atLimit: { ...signUp('招待　花子', TEST_PASSWORD), note: 'あ'.repeat(limits.note) },
        overLimit: { ...signUp('招待　花子', TEST_PASSWORD), note: 'あ'.repeat(limits.note + 1) },
        fields: { note: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/invitations/:token/verify',
    as: 'anonymous',
    url: async () => `${await activationLink()}/verify`,
    valid: () => ({ email: 'activate@example.jp', name: '開通　一郎', phone: '03-1234-5678' }),
    okStatus: 200,
    empty: { email: [REQUIRED], name: [REQUIRED], phone: [REQUIRED] },
    wrongType: () => ({ email: 'activate@example.jp', name: '開通　一郎', phone: 312345678 }),
    wrongTypeFields: { phone: [INVALID] },
    limits: [
      {
        field: 'name',
        // At the limit it is simply not the registered name: refused as a mismatch, not as bad input.
        atLimit: { email: 'activate@example.jp', name: 'あ'.repeat(limits.fullName), phone: '0312345678' },
        overLimit: {
          email: 'activate@example.jp',
          name: 'あ'.repeat(limits.fullName + 1),
          phone: '0312345678',
        },
        fields: { name: [TOO_LONG] },
        okStatus: 400,
      },
    ],
  },
  {
    route: 'POST /api/auth/password-reset',
    as: 'anonymous',
    url: () => '/api/auth/password-reset',
    valid: () => ({ email: 'nobody@example.jp' }),
    okStatus: 202,
    empty: { email: [REQUIRED] },
    wrongType: () => ({ email: 42 }),
    wrongTypeFields: { email: [INVALID] },
    limits: [
      {
        field: 'email',
        atLimit: { email: emailOfLength(limits.email) },
        overLimit: { email: emailOfLength(limits.email + 1) },
        fields: { email: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/password-resets/:token',
    as: 'anonymous',
    // A fresh link for every call, as the reset mail would carry.
    url: async () => {
      const { token, hash } = newToken();
      const user = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'reset@example.jp')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('password_resets')
        .values({
          user_id: user.id,
          token_hash: hash,
          expires_at: new Date(Date.now() + 3600_000),
          created_at: new Date(),
        })
        .execute();
      return `/api/password-resets/${token}`;
    },
    valid: () => ({ password: CHANGED_PASSWORD, passwordConfirm: CHANGED_PASSWORD }),
    okStatus: 200,
    empty: { password: [REQUIRED], passwordConfirm: [REQUIRED] },
    wrongType: () => ({ password: 7, passwordConfirm: CHANGED_PASSWORD }),
    wrongTypeFields: { password: [INVALID] },
    limits: [
      {
        field: 'password',
        atLimit: { password: password(limits.password), passwordConfirm: password(limits.password) },
        overLimit: {
          password: password(limits.password + 1),
          passwordConfirm: password(limits.password + 1),
        },
        fields: { password: [TOO_LONG], passwordConfirm: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/me/password',
    as: 'changer',
    url: () => '/api/me/password',
    valid: () => ({
      currentPassword: TEST_PASSWORD,
      password: CHANGED_PASSWORD,
      passwordConfirm: CHANGED_PASSWORD,
    }),
    okStatus: 200,
    empty: { currentPassword: [REQUIRED], password: [REQUIRED], passwordConfirm: [REQUIRED] },
    wrongType: () => ({ currentPassword: 1, password: CHANGED_PASSWORD, passwordConfirm: CHANGED_PASSWORD }),
    wrongTypeFields: { currentPassword: [INVALID] },
    limits: [
      {
        // Runs after the valid body above changed the password.
        field: 'password',
        atLimit: {
          currentPassword: CHANGED_PASSWORD,
          password: password(limits.password),
          passwordConfirm: password(limits.password),
        },
        overLimit: {
          currentPassword: password(limits.password),
          password: password(limits.password + 1),
          passwordConfirm: password(limits.password + 1),
        },
        fields: { password: [TOO_LONG], passwordConfirm: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PUT /api/operator/organizations/:organizationId/password-policy',
    as: 'operator',
    url: () => `/api/operator/organizations/${tenant.id}/password-policy`,
    valid: () => ({ ...policyBody }),
    okStatus: 200,
    empty: Object.fromEntries(Object.keys(policyBody).map((k) => [k, [REQUIRED]])),
    wrongType: () => ({ ...policyBody, minLength: '12' }),
    wrongTypeFields: { minLength: [INVALID] },
    limits: [
      ['minLength', 64, '8以上64以下の数値を入力してください。'] as const,
      ['historyCount', 24, '0以上24以下の数値を入力してください。'] as const,
      ['lockoutThreshold', 20, '3以上20以下の数値を入力してください。'] as const,
      ['lockoutMinutes', 60, '1以上60以下の数値を入力してください。'] as const,
    ].map(([field, max, message]) => ({
      field,
      atLimit: { ...policyBody, [field]: max },
      overLimit: { ...policyBody, [field]: max + 1 },
      fields: { [field]: [message] },
    })),
  },
  {
    route: 'POST /api/operator/terms',
    as: 'operator',
    url: () => '/api/operator/terms',
    valid: () => ({ ...termsBody }),
    okStatus: 201,
    empty: { titleJa: [REQUIRED], titleEn: [REQUIRED], bodyJa: [REQUIRED], bodyEn: [REQUIRED] },
    wrongType: () => ({ ...termsBody, bodyEn: ['Body'] }),
    wrongTypeFields: { bodyEn: [INVALID] },
    limits: (['titleJa', 'bodyEn'] as const).map((field) => {
      const max = field === 'titleJa' ? limits.termsTitle : limits.termsBody;
      return {
        field,
        atLimit: { ...termsBody, [field]: 'あ'.repeat(max) },
        overLimit: { ...termsBody, [field]: 'あ'.repeat(max + 1) },
        fields: { [field]: [TOO_LONG] },
      };
    }),
  },
  // User administration (ID-17), user groups and the self profile: tenant A's admin.
  {
    route: 'POST /api/users',
    as: 'user',
    url: () => '/api/users',
    valid: () => addUserBody(),
    okStatus: 201,
    empty: { email: [REQUIRED], phone: [REQUIRED], locale: [INVALID], timeZone: [REQUIRED], role: [INVALID] },
    wrongType: () => ({ ...addUserBody(), phone: 312345678 }),
    wrongTypeFields: { phone: [INVALID] },
    limits: [
      {
        field: 'email',
        // Not the address the tenant invitation above used: that one is already invited here.
        atLimit: { ...addUserBody(), email: `b${emailOfLength(limits.email - 1)}` },
        overLimit: { ...addUserBody(), email: `b${emailOfLength(limits.email)}` },
        fields: { email: [TOO_LONG] },
      },
      ...(
        [
          ['name', limits.personName],
          ['title', limits.title],
          ['comment', limits.comment],
        ] as const
      ).map(([field, max]) => ({
        field,
        atLimit: { ...addUserBody(), [field]: 'あ'.repeat(max) },
        overLimit: { ...addUserBody(), [field]: 'あ'.repeat(max + 1) },
        fields: { [field]: [TOO_LONG] },
      })),
      {
        field: 'phone',
        // 20 characters with 11 digits; then 21.
        atLimit: { ...addUserBody(), phone: '0-1-2-3-4-5-6-7-8-90' },
        overLimit: { ...addUserBody(), phone: '0-1-2-3-4-5-6-7-8-9-0' },
        fields: { phone: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PATCH /api/users/:userId',
    as: 'user',
    url: () => `/api/users/${member.id}`,
    valid: () => ({ name: '変更　後' }),
    okStatus: 200,
    empty: { _: ['1つ以上の項目を変更してください。'] },
    wrongType: () => ({ name: 5 }),
    wrongTypeFields: { name: [INVALID] },
    limits: [
      {
        field: 'comment',
        atLimit: { comment: 'あ'.repeat(limits.comment) },
        overLimit: { comment: 'あ'.repeat(limits.comment + 1) },
        fields: { comment: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'POST /api/user-groups',
    as: 'user',
    url: () => '/api/user-groups',
    valid: () => ({ name: `班${++unique}` }),
    okStatus: 201,
    empty: { name: [REQUIRED] },
    wrongType: () => ({ name: 1 }),
    wrongTypeFields: { name: [INVALID] },
    limits: [
      {
        field: 'name',
        atLimit: { name: 'あ'.repeat(limits.groupName) },
        overLimit: { name: 'あ'.repeat(limits.groupName + 1) },
        fields: { name: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PATCH /api/user-groups/:groupId',
    as: 'user',
    url: () => `/api/user-groups/${groupId}`,
    valid: () => ({ name: `班${++unique}` }),
    okStatus: 200,
    empty: { name: [REQUIRED] },
    wrongType: () => ({ name: false }),
    wrongTypeFields: { name: [INVALID] },
    limits: [
      {
        field: 'name',
        atLimit: { name: 'い'.repeat(limits.groupName) },
        overLimit: { name: 'い'.repeat(limits.groupName + 1) },
        fields: { name: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PUT /api/user-groups/:groupId/members',
    as: 'user',
    url: () => `/api/user-groups/${groupId}/members`,
    valid: () => ({ userIds: [member.id] }),
    okStatus: 200,
    empty: { userIds: [REQUIRED] },
    wrongType: () => ({ userIds: member.id }),
    wrongTypeFields: { userIds: [INVALID] },
    limits: [],
  },
  {
    route: 'PATCH /api/me/profile',
    as: 'user',
    url: () => '/api/me/profile',
    valid: () => ({ name: '自分　名前', timeZone: 'Asia/Tokyo' }),
    okStatus: 200,
    empty: { _: ['1つ以上の項目を変更してください。'] },
    wrongType: () => ({ locale: 2 }),
    wrongTypeFields: { locale: [INVALID] },
    limits: [
      {
        field: 'name',
        atLimit: { name: 'あ'.repeat(limits.personName) },
        overLimit: { name: 'あ'.repeat(limits.personName + 1) },
        fields: { name: [TOO_LONG] },
      },
    ],
  },
  {
    // Well-formed: past validation, stopped by the re-authentication this client has not done.
    route: 'POST /api/me/passkeys',
    as: 'user',
    url: () => '/api/me/passkeys',
    valid: () => passkeyBody(),
    okStatus: 403,
    empty: { name: [REQUIRED], response: [REQUIRED] },
    wrongType: () => ({ name: 'x', response: 'text' }),
    wrongTypeFields: { response: [INVALID] },
    limits: [
      {
        field: 'name',
        atLimit: passkeyBody('あ'.repeat(passkeyNameMax)),
        overLimit: passkeyBody('あ'.repeat(passkeyNameMax + 1)),
        fields: { name: [TOO_LONG] },
      },
    ],
  },
  // The second step of the login: well-formed, but this browser has no login attempt.
  {
    route: 'POST /api/auth/mfa/send',
    as: 'anonymous',
    url: () => '/api/auth/mfa/send',
    valid: () => ({ method: 'mail' }),
    okStatus: 401,
    empty: { method: [INVALID] },
    wrongType: () => ({ method: 1 }),
    wrongTypeFields: { method: [INVALID] },
    limits: [],
  },
  {
    route: 'POST /api/auth/mfa/verify',
    as: 'anonymous',
    url: () => '/api/auth/mfa/verify',
    valid: () => ({ method: 'totp', code: '123456' }),
    okStatus: 401,
    empty: { method: [INVALID] },
    wrongType: () => ({ method: 'totp', code: 123456 }),
    wrongTypeFields: { code: [INVALID] },
    limits: [],
  },
  // Own factors. Mobile verification comes before the re-authentication below, so it is still
  // refused for the missing re-authentication (403) and sends nothing.
  {
    route: 'POST /api/me/mobile/verification',
    as: 'user',
    url: () => '/api/me/mobile/verification',
    valid: () => ({ mobile: '090-1234-5678' }),
    okStatus: 403,
    empty: { mobile: [REQUIRED] },
    wrongType: () => ({ mobile: 9012345678 }),
    wrongTypeFields: { mobile: [INVALID] },
    limits: [
      {
        field: 'mobile',
        atLimit: { mobile: '090-1234-5678-9-0-12' },
        overLimit: { mobile: '090-1234-5678-9-0-1-2' },
        fields: { mobile: [TOO_LONG] },
        okStatus: 403,
      },
    ],
  },
  {
    route: 'POST /api/me/mobile/verification/confirm',
    as: 'user',
    url: () => '/api/me/mobile/verification/confirm',
    valid: () => ({ code: '123456' }),
    okStatus: 400,
    empty: { code: [REQUIRED] },
    wrongType: () => ({ code: 123456 }),
    wrongTypeFields: { code: [INVALID] },
    limits: [],
  },
  {
    // No pending secret: a well-formed code is still the wrong code.
    route: 'POST /api/me/mfa/totp/confirm',
    as: 'user',
    url: () => '/api/me/mfa/totp/confirm',
    valid: () => ({ code: '123456' }),
    okStatus: 400,
    empty: { code: [REQUIRED] },
    wrongType: () => ({ code: 123456 }),
    wrongTypeFields: { code: [INVALID] },
    limits: [],
  },
  {
    route: 'PUT /api/me/mfa/preferred',
    as: 'user',
    url: () => '/api/me/mfa/preferred',
    valid: () => ({ method: 'mail' }),
    okStatus: 204,
    empty: { method: [INVALID] },
    wrongType: () => ({ method: 1 }),
    wrongTypeFields: { method: [INVALID] },
    limits: [],
  },
  {
    route: 'PUT /api/organizations/:organizationId/mfa-policy',
    as: 'user',
    url: () => `/api/organizations/${tenant.id}/mfa-policy`,
    valid: () => ({
      requireMfa: false,
      allowedMethods: ['totp', 'mail'],
      requireCertificateForAdmins: false,
    }),
    okStatus: 200,
    empty: {
      requireMfa: [REQUIRED],
      allowedMethods: [REQUIRED],
      requireCertificateForAdmins: [REQUIRED],
    },
    wrongType: () => ({ requireMfa: 'yes', allowedMethods: ['mail'], requireCertificateForAdmins: false }),
    wrongTypeFields: { requireMfa: [INVALID] },
    limits: [],
  },
  {
    route: 'POST /api/me/reauth',
    as: 'user',
    url: () => '/api/me/reauth',
    valid: () => ({ password: 'Correct-Horse-42!' }),
    okStatus: 204,
    empty: { password: [REQUIRED] },
    wrongType: () => ({ password: 42 }),
    wrongTypeFields: { password: [INVALID] },
    limits: [
      {
        field: 'password',
        atLimit: { password: password(limits.password) },
        overLimit: { password: password(limits.password + 1) },
        fields: { password: [TOO_LONG] },
        okStatus: 400,
      },
    ],
  },
  {
    route: 'POST /api/partner/customers',
    as: 'user',
    url: () => '/api/partner/customers',
    valid: () => customerForm(),
    okStatus: 201,
    empty: customerRequired,
    wrongType: () => customerForm({ name: 42 }),
    wrongTypeFields: { name: [INVALID] },
    limits: customerLimits(),
  },
  {
    route: 'PATCH /api/partner/customers/:customerId',
    as: 'user',
    url: () => `/api/partner/customers/${customerOfTenant.id}`,
    valid: () => customerForm({ name: `検証顧客${++customerEdits}` }),
    okStatus: 200,
    empty: customerRequired,
    wrongType: () => customerForm({ phone: 821234567 }),
    wrongTypeFields: { phone: [INVALID] },
    limits: customerLimits(),
  },
  // Account procedures (ID-16): a customer organisation's admin quoting its support ID.
  {
    route: 'POST /api/account-requests',
    as: 'customer',
    url: () => '/api/account-requests',
    valid: () => ({ kind: 'reset_admin_password', supportId: 'SUP-0000TEST' }),
    okStatus: 201,
    empty: { kind: [INVALID], supportId: [REQUIRED] },
    wrongType: () => ({ kind: 'reset_admin_password', supportId: 5 }),
    wrongTypeFields: { supportId: [INVALID] },
    limits: [
      {
        field: 'supportId',
        // At the limit the field is accepted as input and then found wrong: still a field error.
        atLimit: { kind: 'reissue_certificate', supportId: 'S'.repeat(32) },
        overLimit: { kind: 'reissue_certificate', supportId: 'S'.repeat(33) },
        fields: { supportId: [TOO_LONG] },
        okStatus: 400,
      },
    ],
  },
  // A customer's login users (CU-6).
  {
    route: 'POST /api/partner/customers/:customerId/users',
    as: 'user',
    url: () => `/api/partner/customers/${loginCustomer.id}/users`,
    valid: () => loginUserForm({ email: `login-${++unique}@example.jp` }),
    okStatus: 201,
    empty: { familyName: [REQUIRED], givenName: [REQUIRED], email: [REQUIRED] },
    wrongType: () => loginUserForm({ mobile: 9012345678 }),
    wrongTypeFields: { mobile: [INVALID] },
    // Every accepted body adds a user: a new address each time (the e-mail limit has its own).
    limits: loginUserLimits(emailOfLength).map((l) =>
      l.field === 'email' ? l : { ...l, atLimit: { ...l.atLimit, email: `login-${++unique}@example.jp` } },
    ),
  },
  {
    route: 'PATCH /api/partner/customers/:customerId/users/:userId',
    as: 'user',
    url: () => `/api/partner/customers/${loginCustomer.id}/users/${loginUser.id}`,
    valid: () => loginUserForm({ familyName: `検証${++loginUserEdits}` }),
    okStatus: 200,
    empty: { familyName: [REQUIRED], givenName: [REQUIRED], email: [REQUIRED] },
    wrongType: () => loginUserForm({ familyName: ['日電'] }),
    wrongTypeFields: { familyName: [INVALID] },
    limits: loginUserLimits((length) => `${'b'.repeat(length - '@example.jp'.length)}@example.jp`),
  },
  // The tenant's mail templates (PP-7).
  {
    route: 'PUT /api/partner/mail-templates/:templateKey/:locale',
    as: 'user',
    url: () => '/api/partner/mail-templates/portal_user_provisional/ja',
    valid: () => ({ subject: `件名${++templateEdits}`, body: '{{UserName}} 様' }),
    okStatus: 200,
    empty: { subject: [REQUIRED], body: [REQUIRED] },
    wrongType: () => ({ subject: 1, body: '本文' }),
    wrongTypeFields: { subject: [INVALID] },
    limits: templateLimits({ subject: '限界の件名', body: '限界の本文' }),
  },
  {
    route: 'POST /api/partner/mail-templates/:templateKey/preview',
    as: 'user',
    url: () => '/api/partner/mail-templates/portal_user_provisional/preview',
    valid: () => ({ locale: 'ja', subject: '件名', body: '{{UserName}} 様' }),
    okStatus: 200,
    empty: { locale: [INVALID], subject: [REQUIRED], body: [REQUIRED] },
    wrongType: () => ({ locale: 'fr', subject: '件名', body: '本文' }),
    wrongTypeFields: { locale: [INVALID] },
    limits: templateLimits({ locale: 'en', subject: 'Subject', body: 'Body' }),
  },
  {
    route: 'POST /api/partner/mail-templates/copy',
    as: 'user',
    url: () => '/api/partner/mail-templates/copy',
    valid: () => ({ templateKeys: ['portal_user_provisional'], tenantIds: [otherTenant.id] }),
    okStatus: 200,
    empty: { templateKeys: [REQUIRED], tenantIds: [REQUIRED] },
    wrongType: () => ({ templateKeys: 'portal_user_provisional', tenantIds: [otherTenant.id] }),
    wrongTypeFields: { templateKeys: [INVALID] },
    // The limit (all 12 templates, not 13) is in server/modules/mail-templates/routes.test.ts:
    // the other tenant is made after this list.
    limits: [],
  },
  // テナント設定 (PP-4), メールアドレス設定 (PP-6) of the tenant's admin; the operator's part (OP-1, PP-8).
  {
    route: 'PUT /api/partner/tenant-settings',
    as: 'user',
    url: () => '/api/partner/tenant-settings',
    valid: () => tenantSettingsForm(),
    okStatus: 200,
    empty: {
      utmApplicationEnabled: [REQUIRED],
      contractCheckExemptDays: [REQUIRED],
      referrerUrls: [REQUIRED],
      links: [REQUIRED],
    },
    wrongType: () => tenantSettingsForm({ contractCheckExemptDays: '20', utmApplicationEnabled: 1 }),
    wrongTypeFields: { contractCheckExemptDays: [INVALID], utmApplicationEnabled: [INVALID] },
    limits: [
      {
        field: 'contractCheckExemptDays',
        atLimit: tenantSettingsForm({ contractCheckExemptDays: 99 }),
        overLimit: tenantSettingsForm({ contractCheckExemptDays: 100 }),
        fields: { contractCheckExemptDays: ['0以上99以下の整数を入力してください。'] },
      },
      {
        field: 'referrerUrls',
        atLimit: tenantSettingsForm({ referrerUrls: [originOfLength(255)] }),
        overLimit: tenantSettingsForm({ referrerUrls: [originOfLength(256)] }),
        fields: { 'referrerUrls.0': [TOO_LONG] },
      },
      {
        field: 'links.name',
        atLimit: tenantSettingsForm(tenantLink({ name: 'あ'.repeat(100) })),
        overLimit: tenantSettingsForm(tenantLink({ name: 'あ'.repeat(101) })),
        fields: { 'links.0.name': [TOO_LONG] },
      },
      {
        field: 'links.url',
        atLimit: tenantSettingsForm(tenantLink({ url: urlOfLength(255) })),
        overLimit: tenantSettingsForm(tenantLink({ url: urlOfLength(256) })),
        fields: { 'links.0.url': [TOO_LONG] },
      },
      {
        field: 'links.description',
        atLimit: tenantSettingsForm(tenantLink({ description: 'い'.repeat(255) })),
        overLimit: tenantSettingsForm(tenantLink({ description: 'い'.repeat(256) })),
        fields: { 'links.0.description': [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PUT /api/partner/notification-addresses',
    as: 'user',
    url: () => '/api/partner/notification-addresses',
    valid: () => ({ email1: 'notice@example.jp', email1Confirm: 'notice@example.jp' }),
    okStatus: 200,
    empty: { email1: [REQUIRED] },
    wrongType: () => ({ email1: 42, email2: ['x@example.jp'] }),
    wrongTypeFields: { email1: [INVALID], email2: [INVALID] },
    limits: [
      {
        field: 'email1',
        atLimit: { email1: emailOfLength(limits.email), email1Confirm: emailOfLength(limits.email) },
        overLimit: {
          email1: emailOfLength(limits.email + 1),
          email1Confirm: emailOfLength(limits.email + 1),
        },
        fields: { email1: [TOO_LONG], email1Confirm: [TOO_LONG] },
      },
      {
        field: 'email3',
        atLimit: {
          email1: 'notice@example.jp',
          email1Confirm: 'notice@example.jp',
          email3: `c${emailOfLength(limits.email - 1)}`,
          email3Confirm: `c${emailOfLength(limits.email - 1)}`,
        },
        overLimit: {
          email1: 'notice@example.jp',
          email1Confirm: 'notice@example.jp',
          email3: `c${emailOfLength(limits.email)}`,
        },
        fields: { email3: [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PUT /api/operator/tenants/:tenantId/application-fields',
    as: 'operator',
    url: () => `/api/operator/tenants/${tenant.id}/application-fields`,
    valid: () => applicationFieldForm(),
    okStatus: 200,
    empty: { fields: [REQUIRED] },
    wrongType: () => applicationFieldForm({ required: 'yes' }),
    wrongTypeFields: { 'fields.0.required': [INVALID] },
    limits: [
      {
        field: 'fields.name',
        atLimit: applicationFieldForm({ name: 'あ'.repeat(40) }),
        overLimit: applicationFieldForm({ name: 'あ'.repeat(41) }),
        fields: { 'fields.0.name': [TOO_LONG] },
      },
      {
        field: 'fields.options',
        atLimit: applicationFieldForm({ options: ['い'.repeat(40)] }),
        overLimit: applicationFieldForm({ options: ['い'.repeat(41)] }),
        fields: { 'fields.0.options.0': [TOO_LONG] },
      },
    ],
  },
  {
    route: 'PUT /api/operator/tenants/:tenantId/support-page',
    as: 'operator',
    url: () => `/api/operator/tenants/${tenant.id}/support-page`,
    valid: () => ({ manualsUrl: 'https://manuals.example.jp/', contactEmail: 'support@example.jp' }),
    okStatus: 200,
    empty: { manualsUrl: [REQUIRED], contactEmail: [REQUIRED] },
    wrongType: () => ({ manualsUrl: 1, contactEmail: 'support@example.jp' }),
    wrongTypeFields: { manualsUrl: [INVALID] },
    limits: [
      {
        field: 'manualsUrl',
        atLimit: { manualsUrl: urlOfLength(255), contactEmail: '' },
        overLimit: { manualsUrl: urlOfLength(256), contactEmail: '' },
        fields: { manualsUrl: [TOO_LONG] },
      },
      {
        field: 'contactEmail',
        atLimit: { manualsUrl: '', contactEmail: emailOfLength(limits.email) },
        overLimit: { manualsUrl: '', contactEmail: emailOfLength(limits.email + 1) },
        fields: { contactEmail: [TOO_LONG] },
      },
    ],
  },
];

/** State-changing routes that take no body at all. */
const noBodyRoutes = [
  'POST /api/notification-addresses/verify/:token',
  'POST /api/auth/logout',
  'DELETE /api/me/sessions/:sessionId',
  'POST /api/terms/:termsId/accept',
  'POST /api/users/:userId/disable',
  'POST /api/users/:userId/enable',
  'POST /api/users/:userId/unlock',
  'POST /api/users/invitations/:memberId/resend',
  'POST /api/users/invitations/:memberId/cancel',
  'POST /api/users/:userId/temporary-password',
  'POST /api/users/:userId/certificates',
  'POST /api/users/:userId/certificates/reissue',
  'POST /api/certificates/:certificateId/revoke',
  'POST /api/operator/account-requests/:requestId/start',
  'POST /api/operator/account-requests/:requestId/complete',
  'POST /api/downloads/:token/download',
  'DELETE /api/user-groups/:groupId',
  'POST /api/me/passkeys/options',
  'POST /api/auth/mfa/passkey/options',
  'DELETE /api/me/passkeys/:passkeyId',
  'POST /api/me/mfa/totp/setup',
  'DELETE /api/me/mfa/totp',
  'POST /api/me/mfa/recovery-codes',
  'POST /api/users/:userId/mfa/reset',
  'DELETE /api/partner/customers/:customerId',
  'DELETE /api/partner/customers/:customerId/users/:userId',
  'DELETE /api/partner/mail-templates/:templateKey/:locale',
];

/**
 * Characters no field accepts (common/schemas.ts `text()`, and the request-wide backstop in
 * platform/validate.ts): PostgreSQL refuses NUL, jsonb a lone surrogate; the rest is never typed.
 */
const CONTROL = '使用できない文字（制御文字など）が含まれています。';
const badCharacters = [
  ['NUL', '\u0000'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udc00'],
  ['BEL', '\u0007'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['NEL (C1)', '\u0085'],
] as const;

/** The path of every string in `value` (`links.0.name` → ['links', '0', 'name']). */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
}

/** Every string field of a route's bodies: the valid one, and those at a limit (optional fields too). */
function stringFieldsOf(r: BodyRoute): { field: string; body: Body; path: string[] }[] {
  const found = new Map<string, { field: string; body: Body; path: string[] }>();
  for (const body of [r.valid(), ...r.limits.map((l) => l.atLimit)]) {
    for (const path of stringPaths(body)) {
      const field = path.join('.');
      if (!found.has(field)) found.set(field, { field, body, path });
    }
  }
  return [...found.values()];
}

/** A copy of `body` with `character` put into the middle of the string at `path`. */
function withCharacter(body: Body, path: string[], character: string): Body {
  const copy = structuredClone(body);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  const value = parent[last] as string;
  const middle = Math.ceil(value.length / 2);
  parent[last] = `${value.slice(0, middle)}${character}${value.slice(middle)}`;
  return copy;
}

let fingerprintTables: string[] = [];
/**
 * A digest of every row of every table but the sessions (touched by each signed-in request) and
 * the rate-limit windows: any insert, update or delete changes it.
 */
async function fingerprint(): Promise<string> {
  const parts = fingerprintTables.map(
    (table) =>
      sql`(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${sql.table(table)} x)`,
  );
  const { rows } = await sql<{ digest: string }>`SELECT concat_ws(',', ${sql.join(parts)}) AS digest`.execute(
    t.db,
  );
  return rows[0]!.digest;
}

let ip = 0;
/** Each request from its own address, so the per-address rate limits of public routes stay out of the way. */
async function call(
  r: BodyRoute,
  payload: unknown,
  headers: Record<string, string> = {},
  url?: string,
): Promise<{ status: number; body: unknown }> {
  ip++;
  const method = r.route.split(' ')[0] as 'POST' | 'PUT' | 'PATCH';
  const res = await clients[r.as].request(method, url ?? (await r.url()), payload, {
    'x-forwarded-for': `10.1.${ip >> 8}.${ip & 255}`,
    ...headers,
  });
  expect(res.statusCode).toBeLessThan(500);
  return { status: res.statusCode, body: res.body === '' ? undefined : res.json() };
}

/** Sends bad input and expects it refused with exactly `expected`, writing nothing. */
async function refused(
  r: BodyRoute,
  payload: unknown,
  expected: { status: number; body: unknown },
  headers: Record<string, string> = {},
) {
  const url = await r.url();
  const before = await countRows(t.db);
  const res = await call(r, payload, headers, url);
  expect(res).toEqual(expected);
  expect(await countRows(t.db)).toEqual(before);
}

beforeAll(async () => {
  t = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('sessions', 'rate_limits') AND table_name NOT LIKE 'kysely%'
    ORDER BY table_name`.execute(t.db);
  fingerprintTables = tables.rows.map((row) => row.name);
  const operator = await makeOperator(t.db);
  opUser = await makeUser(t.db, 'op@example.jp', [{ organization: operator, role: 'operator_admin' }]);
  tenant = await makeTenant(t.db, 'あおぞら販売');
  await makeUser(t.db, 'user@example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'admin' },
  ]);
  clients.operator = await signedIn(t.app, 'op@example.jp');
  clients.user = await signedIn(t.app, 'user@example.jp');
  member = await makeUser(t.db, 'member@example.jp', [
    { organization: { id: tenant.id, tenant_id: tenant.id }, role: 'member' },
  ]);
  const group = await t.db
    .insertInto('user_groups')
    .values({ organization_id: tenant.id, tenant_id: tenant.id, name: '検証班' })
    .returning('id')
    .executeTakeFirstOrThrow();
  groupId = group.id;
  await makeUser(t.db, 'changer@example.jp', [{ organization: operator, role: 'support_agent' }]);
  clients.changer = await signedIn(t.app, 'changer@example.jp');
  await makeUser(t.db, 'reset@example.jp', [{ organization: operator, role: 'support_agent' }]);
  clients.anonymous = new TestClient(t.app);
  const customer = await makeCustomer(t.db, tenant.id);
  await t.db
    .updateTable('organizations')
    .set({ support_id: 'SUP-0000TEST' })
    .where('id', '=', customer.id)
    .execute();
  await makeUser(t.db, 'customer@example.jp', [{ organization: customer, role: 'admin' }]);
  clients.customer = await signedIn(t.app, 'customer@example.jp');
  customerOfTenant = await makeCustomer(t.db, tenant.id, '検証顧客株式会社');
  loginCustomer = await makeCustomer(t.db, tenant.id, 'ログインユーザ検証株式会社');
  loginUser = await makeUser(t.db, 'login-user@example.jp', [{ organization: loginCustomer, role: 'admin' }]);
  // The signed-in admin also administers another tenant: where templates may be copied to.
  otherTenant = await makeTenant(t.db, 'コピー先販売');
  const admin = await t.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'user@example.jp')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('memberships')
    .values({ user_id: admin.id, organization_id: otherTenant.id, tenant_id: otherTenant.id, role: 'admin' })
    .execute();
});
afterAll(() => t.close());
// A valid POST /api/operator/terms publishes new terms, which would hold every other client at the
// acceptance page; they accept at once, so the routes after it are tested as before.
afterEach(async () => {
  await sql`INSERT INTO terms_acceptances (user_id, terms_version_id, accepted_at)
    SELECT u.id, v.id, now() FROM users u CROSS JOIN terms_versions v ON CONFLICT DO NOTHING`.execute(t.db);
});

describe('the list of routes with a body', () => {
  it('covers every state-changing route in the route table', () => {
    const mutating = registeredRoutes(t.app).filter((r) => !['GET', 'HEAD'].includes(r.method));
    expect(mutating.map((r) => r.key).sort()).toEqual(
      [...bodyRoutes.map((r) => r.route), ...noBodyRoutes].sort(),
    );
  });

  it('covers every route that declares a body schema', () => {
    const withBody = registeredRoutes(t.app).filter((r) => r.route.schema?.body);
    expect(withBody.map((r) => r.key).sort()).toEqual(bodyRoutes.map((r) => r.route).sort());
  });

  it('matches the routes that document a request body', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: unknown }>>(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.requestBody) documented.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    expect(documented.sort()).toEqual(bodyRoutes.map((r) => r.route).sort());
  });
});

describe.each(bodyRoutes)('$route', (r) => {
  it('a valid body gets through', async () => {
    expect((await call(r, r.valid())).status).toBe(r.okStatus);
  });

  it('malformed JSON is refused as malformed', async () => {
    await refused(
      r,
      '{"a":',
      { status: 400, body: validation({ _: [MALFORMED] }) },
      {
        'content-type': 'application/json',
      },
    );
  });

  it('an empty body is refused as malformed', async () => {
    await refused(
      r,
      '',
      { status: 400, body: validation({ _: [MALFORMED] }) },
      {
        'content-type': 'application/json',
      },
    );
  });

  it('an empty object names every required field', async () => {
    await refused(r, {}, { status: 400, body: validation(r.empty) });
  });

  it('an unknown field is named', async () => {
    await refused(
      r,
      { ...r.valid(), isAdmin: true },
      { status: 400, body: validation({ isAdmin: [UNKNOWN] }) },
    );
  });

  it('a field of the wrong type is named', async () => {
    await refused(r, r.wrongType(), { status: 400, body: validation(r.wrongTypeFields) });
  });

  it.each([
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"text"'],
  ])('%s instead of an object is refused', async (_case, payload) => {
    await refused(
      r,
      payload,
      { status: 400, body: validation({ _: [INVALID] }) },
      {
        'content-type': 'application/json',
      },
    );
  });

  it('a __proto__ key is refused as malformed', async () => {
    await refused(
      r,
      `{"__proto__":{"isAdmin":true},${JSON.stringify(r.valid()).slice(1)}`,
      {
        status: 400,
        body: validation({ _: [MALFORMED] }),
      },
      { 'content-type': 'application/json' },
    );
  });

  it('a body over 1 MB is refused as too large', async () => {
    await refused(
      r,
      JSON.stringify({ ...r.valid(), pad: 'x'.repeat(1024 * 1024) }),
      {
        status: 413,
        body: validation({ _: [MALFORMED] }),
      },
      { 'content-type': 'application/json' },
    );
  });

  it('a body of another content type is refused', async () => {
    await refused(
      r,
      'name=x',
      { status: 415, body: validation({ _: [MALFORMED] }) },
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
  });

  it.each(r.limits.map((l) => [l.field, l] as const))(
    '%s: exactly at the limit is accepted, one character more is refused on the field',
    async (_field, l) => {
      expect((await call(r, l.atLimit)).status).toBe(l.okStatus ?? r.okStatus);
      await refused(r, l.overLimit, { status: 400, body: validation(l.fields) });
    },
  );

  it('every string field refuses NUL, a lone surrogate or a control character by name, writing nothing', async () => {
    // The bodies are built here: they name objects the test setup creates.
    for (const f of stringFieldsOf(r)) {
      for (const [name, character] of badCharacters) {
        const url = await r.url();
        const before = await fingerprint();
        const res = await call(r, withCharacter(f.body, f.path, character), {}, url);
        expect(res, `${f.field} with ${name}`).toEqual({
          status: 400,
          body: validation({ [f.field]: [CONTROL] }),
        });
        expect(await fingerprint(), `${f.field} with ${name}`).toBe(before);
      }
    }
  });
});

describe('answers in the caller’s language', () => {
  it('validation messages are Japanese by default and English on request', async () => {
    const op = clients.operator;
    const ja = await op.post('/api/operator/tenants', {});
    expect(ja.json()).toEqual(validation({ name: [REQUIRED] }));
    const en = await op.request('POST', '/api/operator/tenants', {}, { 'accept-language': 'en' });
    // The signed-in operator's saved language wins over the header.
    expect(en.json().error.message).toBe('入力内容に誤りがあります。');
    const anonymous = await new TestClient(t.app).request(
      'POST',
      '/api/auth/login',
      {},
      { 'accept-language': 'en-GB,en;q=0.9' },
    );
    expect(anonymous.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Some fields are not valid.',
        fields: { email: ['This field is required.'], password: ['This field is required.'] },
      },
    });
  });

  it('an unknown API route is a 404 in the error shape, Japanese or English', async () => {
    const c = new TestClient(t.app);
    const ja = await c.get('/api/nope');
    expect(ja.statusCode).toBe(404);
    expect(ja.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(ja.json()).toEqual({ error: { code: 'not_found', message: '対象が見つかりません。' } });
    const en = await c.request('GET', '/api/nope', undefined, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    const post = await c.post('/api/nope/deeper', { a: 1 });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toEqual({ error: { code: 'not_found', message: '対象が見つかりません。' } });
  });

  it('a malformed URL is a 400 in the error shape', async () => {
    const res = await new TestClient(t.app).request('GET', '/api/operator/tenants/%E0%A4%A', undefined, {
      'accept-language': 'en',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Some fields are not valid.',
        fields: { _: ['The request is malformed.'] },
      },
    });
  });
});

describe('characters no field accepts', () => {
  it('a single-line field refuses tab and line breaks; a multi-line field keeps them', async () => {
    const before = await fingerprint();
    for (const name of ['検証\n商事', '検証\t商事', '検証\r商事']) {
      const res = await clients.operator.post('/api/operator/tenants', { name });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(validation({ name: [CONTROL] }));
    }
    expect(await fingerprint()).toBe(before);
    const memo = '一行目\n二行目\tタブ\r\n三行目';
    const created = await clients.user.post('/api/partner/customers', customerForm({ memo1: memo }));
    expect(created.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('customers')
      .select('memo1')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(row.memo1).toBe(memo);
  });

  it('a paired surrogate (an emoji) is text like any other', async () => {
    const res = await clients.operator.post('/api/operator/tenants', { name: '絵文字😀商事' });
    expect(res.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('絵文字😀商事');
  });

  it('the query string and the path are checked too, before any route schema', async () => {
    const search = await clients.operator.get('/api/operator/tenants?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json()).toEqual(validation({ q: [CONTROL] }));
    const surrogate = await clients.operator.get('/api/operator/tenants?q=%ED%A0%80');
    // Bytes that are not UTF-8 decode to U+FFFD, which is text: the search simply finds nothing.
    expect(surrogate.statusCode).toBe(200);
    const path = await clients.operator.get('/api/operator/tenants/1%07');
    expect(path.statusCode).toBe(400);
    expect(path.json()).toEqual(validation({ tenantId: [CONTROL] }));
  });

  it('an object key with a control character is refused', async () => {
    const before = await fingerprint();
    const res = await clients.operator.post('/api/operator/tenants', { name: '検証商事', 'x\u0000': 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(validation({ _: [CONTROL] }));
    expect(await fingerprint()).toBe(before);
  });
});
