import { MigrationInterface, QueryRunner } from 'typeorm';

/** Image previews (a second encrypted file per JPEG/PNG) and the index of the practice-wide list, newest first. */
export class ImagePreviews1779100000000 implements MigrationInterface {
  name = 'ImagePreviews1779100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "documents"."document"
        ADD COLUMN "preview_storage_key" text,
        ADD COLUMN "preview_content_type" text CHECK ("preview_content_type" IN ('image/jpeg')),
        ADD COLUMN "preview_size_bytes" integer CHECK ("preview_size_bytes" > 0),
        ADD COLUMN "preview_sha256" char(64),
        ADD COLUMN "preview_width" integer CHECK ("preview_width" > 0),
        ADD COLUMN "preview_height" integer CHECK ("preview_height" > 0),
        ADD CONSTRAINT "document_preview_complete" CHECK (
          num_nulls("preview_storage_key", "preview_content_type", "preview_size_bytes", "preview_sha256", "preview_width", "preview_height") IN (0, 6)
        ),
        ADD CONSTRAINT "document_preview_only_images" CHECK ("preview_storage_key" IS NULL OR "content_type" IN ('image/jpeg', 'image/png'))`);
    await q.query(
      `CREATE INDEX "document_practice_recent_idx" ON "documents"."document" ("practice_id", "uploaded_at" DESC, "id" DESC) WHERE "deleted_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "documents"."document_practice_recent_idx"`);
    await q.query(`
      ALTER TABLE "documents"."document"
        DROP CONSTRAINT "document_preview_only_images",
        DROP CONSTRAINT "document_preview_complete",
        DROP COLUMN "preview_height",
        DROP COLUMN "preview_width",
        DROP COLUMN "preview_sha256",
        DROP COLUMN "preview_size_bytes",
        DROP COLUMN "preview_content_type",
        DROP COLUMN "preview_storage_key"`);
  }
}
