// Schema version 3: where a change came from (an imported file), and 报送 — a year's submitted files kept with their
// SHA-256, which makes that year's actuals read-only until unlocked with a reason.
export default /* sql */ `
ALTER TABLE change_log ADD COLUMN source TEXT;

CREATE TABLE year_submission (
  plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  submitted_at TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  PRIMARY KEY (plan_id, year)
) WITHOUT ROWID;

CREATE TABLE year_submission_file (
  plan_id   INTEGER NOT NULL,
  year      INTEGER NOT NULL,
  format    TEXT NOT NULL CHECK (format IN ('xlsx', 'pdf')),
  file_name TEXT NOT NULL,
  sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes     BLOB NOT NULL,
  PRIMARY KEY (plan_id, year, format),
  FOREIGN KEY (plan_id, year) REFERENCES year_submission(plan_id, year) ON DELETE CASCADE
) WITHOUT ROWID;
`;
