import type { Logger } from 'pino';
import { type CommittedWrite, type Db, listenTo, onCommittedWrites } from '../../db/pool.js';
import type { SignedIn } from './session-store.js';

/** How long a kept session is trusted at most without being read again (a safety net only). */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
/** Notified (migration 0012) when a change a session lookup depends on commits, in any process. */
const CHANNEL = 'mg_session_changed';

/** Tables whose committed writes in this process make every kept session stale. */
const lookupTables = new Set([
  'sessions',
  'users',
  'memberships',
  'organizations',
  'certificates',
  'terms_versions',
  'terms_acceptances',
]);
/** Writes that change nothing another request relies on: recording activity, opening a session. */
const harmless = /^(update "sessions" set "last_seen_at" = \$1 where|insert into "sessions")/;

type Entry = {
  found: SignedIn;
  storedAt: number;
  /** Values derived from the signed-in state of this session (the session view's memberships). */
  memo: Record<string, unknown>;
};

/**
 * The signed-in sessions of this process, by token hash, so that a request's authentication
 * usually needs no statement. Exact, not approximate:
 * - a hit is checked against the clock like the lookup's SQL (absolute end, idle limit from the
 *   recorded activity, the certificate's expiry);
 * - any commit in this process that touches what the lookup reads forgets everything at once
 *   (`onCommittedWrites`), and a commit in another process does within milliseconds
 *   (LISTEN/NOTIFY on `mg_session_changed`, triggers of migration 0012): logout, revocation,
 *   password change, disabled users or memberships, new terms;
 * - a lookup that raced such a change is not kept (generation check), and without the LISTEN
 *   connection nothing is kept at all;
 * - entries are read again after SESSION_CACHE_TTL_MS in any case.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;
  #listening = false;
  #stopped = false;
  #listener: { close: () => Promise<void> } | null = null;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {
    this.#unsubscribe = onCommittedWrites((writes) => {
      if (writes.some(changesLookups)) this.forgetAll();
    });
  }

  /** Starts listening for other processes' changes; until then nothing is kept. */
  async start(): Promise<void> {
    try {
      this.#listener = await listenTo(
        this.db,
        CHANNEL,
        () => this.forgetAll(),
        (err) => this.#lost(err),
      );
      this.#listening = this.#listener !== null;
    } catch (err) {
      this.#lost(err as Error);
    }
  }

  #lost(err: Error) {
    this.#listening = false;
    this.forgetAll();
    if (this.#stopped) return;
    this.log.warn({ err }, 'session cache: LISTEN connection lost, reading every session until it is back');
    void this.#listener?.close();
    this.#listener = null;
    setTimeout(() => {
      if (!this.#stopped) void this.start();
    }, 1_000).unref();
  }

  /** The generation a lookup starts in; `keep` stores its result only if nothing changed meanwhile. */
  get generation(): number {
    return this.#generation;
  }

  get(tokenHash: string, now: Date, idleMinutes: number): Entry | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    const { session } = entry.found;
    const stillValid =
      Date.now() - entry.storedAt < SESSION_CACHE_TTL_MS &&
      session.expiresAt > now &&
      session.lastSeenAt.getTime() > now.getTime() - idleMinutes * 60_000 &&
      (session.certificateNotAfter === null || session.certificateNotAfter > now);
    if (stillValid) return entry;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  keep(tokenHash: string, found: SignedIn, generation: number): Entry {
    const entry: Entry = { found, storedAt: Date.now(), memo: {} };
    if (!this.#listening || generation !== this.#generation) return entry;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, entry);
    return entry;
  }

  forget(tokenHash: string): void {
    this.#entries.delete(tokenHash);
  }

  forgetAll(): void {
    this.#generation++;
    this.#entries.clear();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#listening = false;
    this.#unsubscribe();
    this.forgetAll();
    await this.#listener?.close();
  }
}

const changesLookups = (write: CommittedWrite) => lookupTables.has(write.table) && !harmless.test(write.sql);
