// Schema version 2: a clerk's written override of an indicator's computed status for one year (DOMAIN.md §4).
export default /* sql */ `
CREATE TABLE evaluation_override (
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  year         INTEGER NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('achieved_early', 'ahead', 'on_track', 'lagging', 'no_data')),
  reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  updated_at   TEXT NOT NULL,
  updated_by   TEXT NOT NULL,
  PRIMARY KEY (indicator_id, year)
) WITHOUT ROWID;
`;
