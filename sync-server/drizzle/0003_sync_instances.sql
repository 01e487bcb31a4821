CREATE TABLE "sync_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- NOTIFY `channel` only while another sync server process is registered. VOLATILE: the check runs
-- with a fresh snapshot when called, i.e. after the calling statement took the workbook's row lock,
-- so it sees every process registered before that lock was granted; a process registering later
-- reads the workbook only after taking that lock itself (persistence `load`), so it sees the commit.
CREATE FUNCTION "tessera_notify_others"("me" text, "channel" text, "payload" text) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM "sync_instances" WHERE "id" <> "me") THEN
		PERFORM pg_notify("channel", "payload");
	END IF;
END
$$;
