"""Create the jobs, job_batches and failed_jobs tables (the database queue)."""

from protevus.database import Migration
from protevus.facades import Schema


class CreateJobsTable(Migration):
    def up(self) -> None:
        """Run the migrations."""
        with Schema.create("jobs") as table:
            table.id()
            table.string("queue").index()
            table.long_text("payload")
            table.unsigned_tiny_integer("attempts")
            table.unsigned_integer("reserved_at").nullable()
            table.unsigned_integer("available_at")
            table.unsigned_integer("created_at")

        with Schema.create("job_batches") as table:
            table.string("id").primary()
            table.string("name")
            table.integer("total_jobs")
            table.integer("pending_jobs")
            table.integer("failed_jobs")
            table.long_text("failed_job_ids")
            table.medium_text("options").nullable()
            table.integer("cancelled_at").nullable()
            table.integer("created_at")
            table.integer("finished_at").nullable()

        with Schema.create("failed_jobs") as table:
            table.id()
            table.string("uuid").unique()
            table.text("connection")
            table.text("queue")
            table.long_text("payload")
            table.long_text("exception")
            table.timestamp("failed_at").use_current()

    def down(self) -> None:
        """Reverse the migrations."""
        Schema.drop_if_exists("jobs")
        Schema.drop_if_exists("job_batches")
        Schema.drop_if_exists("failed_jobs")
