// Hears every committed change to the data that public pages show: triggers on those tables
// (migration 20261209100000_data_change_notifications) send a NOTIFY on DATA_CHANGED_CHANNEL when
// their transaction commits. Each server process listens on a connection of its own; while that
// connection is down (the database restarting), it says so, and listens again when it can.
import pg from "pg";

export const DATA_CHANGED_CHANNEL = "ortaq_data_changed";

/**
 * Tables that send no notice (a test keeps this list true): no cached public page shows them, or
 * they only follow changes to tables that send one (the published count follows "Enterprise", the
 * sector data version follows the ratings and verifications).
 */
export const SILENT_TABLES = [
  "_prisma_migrations",
  "EnterpriseCount",
  "SectorDataVersion",
  "Session",
  "KnownDevice",
  "ApiRateWindow",
  "LoginFailure",
  "StripeEvent",
  "Shortlist",
  "ShortlistEntry",
  "Notification",
  "ForumThreadSubscription",
  "ForumCategorySubscription",
  "ForumFlag",
  "EmailToken",
  "OutgoingEmail",
  "EmailPreference",
  "InstanceSecret",
  "LearningProgress",
  "PlanItemDone",
] as const;

export interface DataChangeWatch {
  stop: () => Promise<void>;
}

/**
 * Calls `onChange` for every change heard, and `onListening(false)` as soon as changes may go
 * unheard (then `onListening(true)` once listening again). Reconnects by itself.
 */
export function watchDataChanges({
  connectionString,
  onChange,
  onListening,
  retryMs = 1_000,
}: {
  connectionString: string;
  onChange: (table: string) => void;
  onListening: (listening: boolean) => void;
  retryMs?: number;
}): DataChangeWatch {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const lost = (current: pg.Client) => {
    if (client !== current) return;
    client = undefined;
    onListening(false);
    current.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(connect, retryMs);
  };

  function connect() {
    retry = undefined;
    if (stopped) return;
    const current = new pg.Client({ connectionString, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client = current;
    current.on("notification", (message) => {
      if (message.channel === DATA_CHANGED_CHANNEL) onChange(message.payload ?? "");
    });
    current.on("error", () => lost(current));
    current.on("end", () => lost(current));
    current
      .connect()
      .then(() => current.query(`LISTEN ${DATA_CHANGED_CHANNEL}`))
      .then(() => {
        if (client === current && !stopped) onListening(true);
      })
      .catch(() => lost(current));
  }

  connect();
  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      onListening(false);
      await current?.end().catch(() => undefined);
    },
  };
}
