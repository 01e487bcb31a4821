ALTER TABLE "workbooks" ADD COLUMN "head_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing seqs came from one table-wide sequence: they still increase per workbook, so each
-- workbook's head starts at the highest seq it has used (in its log or in a snapshot).
UPDATE "workbooks" SET "head_seq" = GREATEST(
	COALESCE((SELECT max("seq") FROM "workbook_updates" WHERE "workbook_updates"."workbook_id" = "workbooks"."id"), 0),
	COALESCE((SELECT max("up_to_seq") FROM "workbook_snapshots" WHERE "workbook_snapshots"."workbook_id" = "workbooks"."id"), 0)
);--> statement-breakpoint
DROP INDEX "workbook_updates_wb_seq_idx";--> statement-breakpoint
ALTER TABLE "workbook_updates" DROP CONSTRAINT "workbook_updates_pkey";--> statement-breakpoint
ALTER TABLE "workbook_updates" ALTER COLUMN "seq" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "workbook_updates_seq_seq";--> statement-breakpoint
ALTER TABLE "workbook_updates" ALTER COLUMN "seq" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "workbook_updates" ADD CONSTRAINT "workbook_updates_workbook_id_seq_pk" PRIMARY KEY("workbook_id","seq");--> statement-breakpoint
ALTER TABLE "workbook_snapshots" ADD COLUMN "encoding" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "workbook_snapshots" ADD COLUMN "state_vector" "bytea";
