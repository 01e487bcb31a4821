CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"allowed" boolean NOT NULL
);
